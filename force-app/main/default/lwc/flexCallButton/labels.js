/* Custom Labels of Call with Flex: every text the agent reads comes from here. */
import FlexCall_Title from '@salesforce/label/c.FlexCall_Title';
import FlexCall_Button from '@salesforce/label/c.FlexCall_Button';
import FlexCall_NoNumbers from '@salesforce/label/c.FlexCall_NoNumbers';
import FlexCall_Asked from '@salesforce/label/c.FlexCall_Asked';

export const LABELS = Object.freeze({
    title: FlexCall_Title,
    button: FlexCall_Button,
    noNumbers: FlexCall_NoNumbers,
    asked: FlexCall_Asked
});

export { formatLabel as format } from 'c/flexLabelFormat';
