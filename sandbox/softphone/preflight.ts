// Runs in the softphone page before the Flex UI bundle: keeps the errors Flex throws while it
// loads (so the page can say why Flex is missing) and, with `sandboxStorage=local-full`, simulates
// a full localStorage: every write fails with QuotaExceededError while sessionStorage works (the
// softphone's partition of a Salesforce site filled up, or a browser with a tiny quota). A browser
// that refuses the softphone's site all storage needs no simulation: the e2e tests run a profile
// that does.
// docs/sandbox.md records what the real Flex UI does in each case.

const loadErrors: string[] = [];
(window as unknown as { sandboxLoadErrors: string[] }).sandboxLoadErrors = loadErrors;
window.addEventListener('error', (event) => {
    loadErrors.push(event.message);
});

const mode = new URLSearchParams(location.search).get('sandboxStorage');
if (mode === 'local-full') {
    const sessionStorageWrite = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
        if (this === window.sessionStorage) {
            sessionStorageWrite.call(this, key, value);
            return;
        }
        throw new DOMException(
            "Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.",
            'QuotaExceededError'
        );
    };
}
