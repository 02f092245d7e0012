// The real @twilio/flex-ui module, bundled for the browser, exposed the way Flex's own loader
// exposes it to plugins: window.Twilio.Flex plus React, ReactDOM, Redux and ReactRedux globals.
import * as Flex from '@twilio/flex-ui';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';

const host = window as unknown as Record<string, unknown>;
host.React = React;
host.ReactDOM = ReactDOM;
host.ReactRedux = ReactRedux;
host.Redux = Redux;
const twilio = (host.Twilio ?? {}) as Record<string, unknown>;
twilio.Flex = Flex;
host.Twilio = twilio;
