// Local development configuration, read by `flex-plugin start`.
// In production these settings live in the Flex Configuration API's ui_attributes.custom_data.
// eslint-disable-next-line no-unused-vars -- a global that Flex reads
var appConfig = {
    pluginService: {
        enabled: true,
        url: '/plugins'
    },
    logLevel: 'info',
    custom_data: {
        salesforce_integration: {
            enabled: true,
            screen_pop: true,
            click_to_dial: true,
            context_switching: true,
            show_panel_automatically: true,
            default_country: 'US'
        }
    }
};
