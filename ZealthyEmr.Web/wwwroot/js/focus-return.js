// Gives focus back to the control that opened a dialog. MudBlazor's focus trap restores focus as the dialog is
// disposed, but that is its own interop call after the page's re-render, and on a loaded server focus has been seen
// ending on the page body or on another control of the page (the dialog browser test). For a short while after the
// dialog has gone, focus is put back on the opener, until the user presses a key or the pointer: a place the user
// chose is never taken from them.
export function returnFocus(id, withinMs) {
    const end = Date.now() + withinMs;
    let userActed = false;
    const onInput = (e) => {
        if (e.isTrusted && !document.querySelector('[role="dialog"]')) {
            userActed = true;
        }
    };
    document.addEventListener('keydown', onInput, true);
    document.addEventListener('pointerdown', onInput, true);
    const stop = () => {
        document.removeEventListener('keydown', onInput, true);
        document.removeEventListener('pointerdown', onInput, true);
    };

    const check = () => {
        const opener = document.getElementById(id);
        if (!opener || userActed || Date.now() > end) {
            stop();
            return;
        }

        if (!document.querySelector('[role="dialog"]') && document.activeElement !== opener) {
            opener.focus();
        }

        setTimeout(check, 50);
    };
    check();
}
