// Single-key shortcuts (listed in the help overlay that ? opens). None fires while the person types in a field, while
// a dialog is open, or with Ctrl, Alt or Meta held (those belong to the browser and the screen reader).
let active;

const visible = element => element.getClientRects().length > 0;

const disabled = element => element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';

/** The focused element, looking into shadow roots (a Fluent text field keeps its <input> in one). */
function typingIn(event) {
    return event.composedPath().some(element => element instanceof Element && (element.isContentEditable ||
        element.matches('input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select')));
}

/** A native <dialog> or a Fluent dialog/drawer (whose <dialog> is in its shadow root) is open. */
function dialogOpen() {
    if (document.querySelector('dialog[open]')) {
        return true;
    }
    for (const host of document.querySelectorAll('fluent-dialog, fluent-drawer')) {
        if (host.shadowRoot?.querySelector('dialog[open]')) {
            return true;
        }
    }
    return Array.from(document.querySelectorAll('[role=dialog], [role=alertdialog]')).some(visible);
}

/** The page's own button by its accessible name (its text, or its label for an icon button). */
function button(name) {
    return Array.from(document.querySelectorAll('main button, main fluent-button'))
        .find(b => (b.getAttribute('aria-label') ?? b.textContent).trim() === name && visible(b) && !disabled(b));
}

function navigate(path) {
    if (window.Blazor?.navigateTo) {
        window.Blazor.navigateTo(path);
    } else {
        location.assign(path);
    }
}

/** The page's Add transaction; on a page without one, the Transactions page's (once it has loaded). */
function newTransaction() {
    const add = button('Add transaction');
    if (add) {
        add.click();
        return;
    }
    if (location.pathname === '/transactions') {
        return; // Its button is disabled: there is no account yet.
    }
    navigate('/transactions');
    // The address changes before the page does: the button must be the Transactions page's, not the old page's.
    const started = Date.now();
    const timer = setInterval(() => {
        const arrived = document.querySelector('main h1')?.textContent.trim() === 'Transactions' && button('Add transaction');
        if (arrived || Date.now() - started > 10_000) {
            clearInterval(timer);
            arrived?.click();
        }
    }, 100);
}

function focusSearch() {
    const search = Array.from(document.querySelectorAll('main input[type=search]')).find(visible);
    search?.focus();
    return !!search;
}

function press(name) {
    const target = button(name);
    target?.click();
    return !!target;
}

function openHelp() {
    active.returnTo = document.activeElement;
    active.dialog.showModal();
    // The list itself takes focus (read out by its name, scrolled to the top), not the Close button at its end.
    active.dialog.focus();
}

function onKeyDown(event) {
    // AltGr (reported as Ctrl+Alt on Windows) is how some layouts type [ ] / ?: it is not a modifier here.
    const altGraph = event.getModifierState?.('AltGraph');
    if (event.defaultPrevented || (!altGraph && (event.ctrlKey || event.altKey)) || event.metaKey || event.repeat) {
        return;
    }
    if (typingIn(event) || dialogOpen()) {
        active.pendingG = false;
        return;
    }
    const afterG = active.pendingG;
    active.pendingG = false;
    let handled = true;
    switch (afterG ? `g ${event.key}` : event.key) {
        case '?': openHelp(); break;
        case 'n': newTransaction(); break;
        case '/': handled = focusSearch(); break;
        case ']': handled = press('Next page'); break;
        case '[': handled = press('Previous page'); break;
        case 'g': active.pendingG = true; break;
        case 'g d': navigate('/'); break;
        case 'g t': navigate('/transactions'); break;
        default: handled = false;
    }
    if (handled) {
        event.preventDefault(); // "/" must not land in the search field it just focused.
    }
}

export function start(helpButton, dialog) {
    stop();
    active = { helpButton, dialog, pendingG: false, returnTo: null };
    active.keydown = onKeyDown;
    active.open = () => openHelp();
    active.close = () => dialog.close();
    // Focus goes back to where it was when the list opened (the button, or the page the ? was pressed on).
    active.closed = () => {
        if (active.returnTo?.isConnected) {
            active.returnTo.focus();
        }
    };
    document.addEventListener('keydown', active.keydown);
    helpButton.addEventListener('click', active.open);
    dialog.querySelector('[data-close]').addEventListener('click', active.close);
    dialog.addEventListener('close', active.closed);
}

export function stop() {
    if (!active) {
        return;
    }
    document.removeEventListener('keydown', active.keydown);
    active.helpButton.removeEventListener('click', active.open);
    active.dialog.querySelector('[data-close]')?.removeEventListener('click', active.close);
    active.dialog.removeEventListener('close', active.closed);
    active = undefined;
}
