/*
 * Passes Omni-Channel's events to c:flexPresenceSync and answers its toolkit requests. Nothing is
 * decided here; the web component (tested with sfdx-lwc-jest) holds the logic.
 */
({
    onStatusChanged: function (cmp, event) {
        cmp.find('sync').omniStatusChanged({
            statusId: event.getParam('statusId'),
            statusApiName: event.getParam('statusApiName')
        });
    },

    onLogout: function (cmp) {
        cmp.find('sync').omniLoggedOut();
    },

    onOmniRequest: function (cmp, event) {
        var toolkit = cmp.find('omniToolkit');
        var requestId = event.getParam('requestId');
        var operation = event.getParam('operation');
        var answer = function (result) {
            var sync = cmp.find('sync');
            if (sync) {
                result.requestId = requestId;
                sync.omniResult(result);
            }
        };
        var call;
        if (operation === 'setStatus') {
            call = toolkit.setServicePresenceStatus({ statusId: event.getParam('statusId') });
        } else if (operation === 'logout') {
            call = toolkit.logout();
        } else if (operation === 'getStatus') {
            call = toolkit.getServicePresenceStatusId();
        } else {
            answer({ ok: false, error: { message: 'unknown operation ' + operation } });
            return;
        }
        call.then(
            $A.getCallback(function (value) {
                answer({ ok: true, value: value });
            }),
            $A.getCallback(function (error) {
                answer({
                    ok: false,
                    error: { message: error && error.message ? error.message : String(error) }
                });
            })
        );
    }
})
