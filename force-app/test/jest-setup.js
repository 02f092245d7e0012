import { setup } from '@sa11y/jest';

// Registers expect(element).toBeAccessible() for every LWC test.
setup();
