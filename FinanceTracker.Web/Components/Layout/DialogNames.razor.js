// Fluent draws each dialog's <dialog> element inside the shadow root of its <fluent-dialog>, so the title the dialog shows
// cannot name it through aria-labelledby (an id does not reach across a shadow root). Fluent passes the host's aria-label
// on to the <dialog>, so the visible title is copied there: a screen reader announces "New category, dialog", and axe's
// aria-dialog-name rule holds. A dialog that already has a name of its own keeps it.
let observer;

function nameDialogs() {
    for (const host of document.querySelectorAll('fluent-dialog')) {
        if (host.hasAttribute('aria-labelledby')) {
            continue;
        }
        const title = host.querySelector('[slot="title"]')?.textContent.replace(/\s+/g, ' ').trim();
        if (title && host.getAttribute('aria-label') !== title) {
            host.setAttribute('aria-label', title);
        }
    }
}

export function start() {
    if (observer) {
        return;
    }
    // Watches only added nodes and text (a dialog opening, its title changing), never attributes, so naming cannot loop.
    observer = new MutationObserver(nameDialogs);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    nameDialogs();
}

export function stop() {
    observer?.disconnect();
    observer = undefined;
}
