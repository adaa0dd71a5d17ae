// Tells the circuit when the person at the keyboard does something. Only trusted input events count: SignalR keeps
// its connection alive on its own, and neither that nor a page re-rendering under a resting mouse (live updates) may
// keep an unattended session open, so pointer moves and scrolls are left out. Reports are throttled to one per
// interval, sent at once after a quiet spell and otherwise at the end of the interval, so none is lost.
const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'];

export function start(circuit, intervalMs) {
    let lastSent = 0;
    let pending = null;

    const send = () => {
        pending = null;
        lastSent = Date.now();
        circuit.invokeMethodAsync('ReportActivity').catch(() => { });
    };

    const onInput = (e) => {
        if (!e.isTrusted || pending !== null) {
            return;
        }

        const wait = lastSent + intervalMs - Date.now();
        if (wait <= 0) {
            send();
        } else {
            pending = setTimeout(send, wait);
        }
    };

    const options = { capture: true, passive: true };
    inputEvents.forEach(e => window.addEventListener(e, onInput, options));

    return {
        stop: () => {
            inputEvents.forEach(e => window.removeEventListener(e, onInput, options));
            if (pending !== null) {
                clearTimeout(pending);
            }
        },
    };
}
