// What Fluent UI leaves out for assistive technology, filled in whenever the page changes.
let observer;

// Fluent draws each dialog's (and drawer's) <dialog> element inside the shadow root of its host, so the title it shows
// cannot name it through aria-labelledby (an id does not reach across a shadow root). Fluent passes the host's aria-label
// on to the <dialog>, so the visible title is copied there: a screen reader announces "New category, dialog", and axe's
// aria-dialog-name rule holds. A dialog that already has a name of its own keeps it.
function nameDialogs() {
    for (const host of document.querySelectorAll('fluent-dialog, fluent-drawer')) {
        if (host.hasAttribute('aria-labelledby')) {
            continue;
        }
        const title = host.querySelector('[slot="title"]')?.textContent.replace(/\s+/g, ' ').trim();
        if (title && host.getAttribute('aria-label') !== title) {
            host.setAttribute('aria-label', title);
        }
        // A drawer does not watch its aria-label (it reads it once, when first drawn), so its <dialog> is named directly.
        const dialog = host.shadowRoot?.querySelector('dialog');
        if (title && dialog && dialog.getAttribute('aria-label') !== title) {
            dialog.setAttribute('aria-label', title);
        }
    }
}

// Fluent's hamburger keeps whether its menu is open in aria-expanded on the <div> around the menu button, where ARIA does
// not allow it (axe: aria-allowed-attr, critical) and a screen reader never hears it. The state moves onto the button; the
// div gets it back only while a click is handled, because Fluent's own click handler reads it there.
function fixHamburgers() {
    for (const drawer of document.querySelectorAll('fluent-drawer[hamburger]')) {
        const wrapper = document.getElementById(drawer.id.replace(/-drawer$/, ''));
        const button = wrapper?.querySelector('fluent-button');
        if (!button || wrapper.ariaFixed) {
            continue;
        }
        wrapper.ariaFixed = true;
        let clicking = false;
        const move = () => {
            if (!clicking && wrapper.hasAttribute('aria-expanded')) {
                button.setAttribute('aria-expanded', wrapper.getAttribute('aria-expanded'));
                wrapper.removeAttribute('aria-expanded');
            }
        };
        button.setAttribute('aria-expanded', 'false');
        move();
        new MutationObserver(move).observe(wrapper, { attributes: true, attributeFilter: ['aria-expanded'] });
        wrapper.addEventListener('click', () => {
            clicking = true;
            wrapper.setAttribute('aria-expanded', button.getAttribute('aria-expanded') ?? 'false');
            setTimeout(() => { clicking = false; move(); });
        }, true);
    }
}

// Fluent gives each toast role listitem but its provider no list role (axe: aria-required-parent, critical), and names
// its close button nothing (an icon only). The provider becomes a list of notifications, announced politely as they
// arrive, and the button says what it does.
function fixToasts() {
    for (const provider of document.querySelectorAll('.fluent-toast-provider:not([role])')) {
        provider.setAttribute('role', 'list');
        provider.setAttribute('aria-label', 'Notifications');
        provider.setAttribute('aria-live', 'polite');
    }
    for (const close of document.querySelectorAll('.fluent-toast-provider fluent-button[slot="action"][icon-only]:not([aria-label])')) {
        close.setAttribute('aria-label', 'Dismiss notification');
    }
}

// Fluent's modal dialog is always role alertdialog, which is for a message that needs an answer. A form (it holds
// [data-form-dialog], see Shared/FormDialog) is a plain dialog; confirmations keep alertdialog. The role is set on the
// <dialog> in the shadow root, where Fluent put it, and set again whenever Fluent's template writes its own (it does so
// once more after the dialog opened).
function roleFormDialogs() {
    for (const host of document.querySelectorAll('fluent-dialog')) {
        const dialog = host.shadowRoot?.querySelector('dialog');
        if (!dialog || dialog.roleFixed || !host.querySelector('[data-form-dialog]')) {
            continue;
        }
        dialog.roleFixed = true;
        const keep = () => {
            if (dialog.getAttribute('role') !== 'dialog') {
                dialog.setAttribute('role', 'dialog');
            }
        };
        keep();
        new MutationObserver(keep).observe(dialog, { attributes: true, attributeFilter: ['role'] });
    }
}

function fix() {
    nameDialogs();
    fixToasts();
    roleFormDialogs();
    fixHamburgers();
}

export function start() {
    if (observer) {
        return;
    }
    // Watches only added nodes and text (a dialog opening, its title changing), never attributes, so fixing cannot loop.
    observer = new MutationObserver(fix);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    fix();
}

export function stop() {
    observer?.disconnect();
    observer = undefined;
}
