// jsdom has no media playback; @twilio/flex-ui touches these at import.
Object.defineProperty(window.HTMLMediaElement.prototype, 'play', {
    value: () => Promise.resolve()
});
Object.defineProperty(window.HTMLMediaElement.prototype, 'pause', { value: () => undefined });
Object.defineProperty(window.HTMLMediaElement.prototype, 'load', { value: () => undefined });
