// Focuses an inline edit's first cell only while nothing else has focus. Opening the edit removes the Edit button that
// had focus, which leaves it on the page body; if the user has since clicked or tabbed into another cell, that place is
// theirs and keeps the typing they started there.
export function focusUnlessPlaced(element) {
    const active = document.activeElement;
    if (element && (!active || active === document.body)) {
        element.focus({ preventScroll: true });
    }
}
