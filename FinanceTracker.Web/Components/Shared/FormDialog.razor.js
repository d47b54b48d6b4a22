// Keys inside a form dialog. Listened for on window in the capture phase, so Escape is seen before Fluent's dialog closes itself.
const attached = new Map();

// A text, number or date field submits on Enter, as in a plain web form; buttons, checkboxes and text areas keep their own Enter.
const submitsOnEnter = new Set(['text', 'number', 'date', 'email', 'search', 'tel', 'url', 'month', 'time', 'datetime-local', 'password']);

// Blazor binds a field on change, which comes only when it loses the focus: the value being typed goes to the server
// first, so saving sends it and leaving knows it would be lost.
function commit(field) {
    if ((field instanceof HTMLInputElement && submitsOnEnter.has(field.type)) || field instanceof HTMLTextAreaElement) {
        field.dispatchEvent(new Event('change', { bubbles: true }));
    }
}

export function attach(root, dotnet) {
    // After ArrowUp/ArrowDown in a field with suggestions, Enter picks the highlighted suggestion instead of saving.
    let picking = false;
    const host = root.closest('fluent-dialog') ?? root;
    const onKey = event => {
        if (!host.contains(event.target) || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopImmediatePropagation();
            commit(event.target);
            dotnet.invokeMethodAsync('EscapeAsync');
            return;
        }
        const field = event.target;
        if (!(field instanceof HTMLInputElement) || !root.contains(field)) {
            return;
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            picking = field.hasAttribute('list');
            return;
        }
        if (event.key !== 'Enter' || event.shiftKey || !submitsOnEnter.has(field.type) || !field.form) {
            return;
        }
        if (picking) {
            picking = false;
            return;
        }
        event.preventDefault();
        commit(field);
        field.form.requestSubmit();
    };
    const onInput = () => { picking = false; };
    // A question asked in the dialog (discard, a far date) is brought to the middle of it: at the bottom of a long form
    // the dialog's own padding would otherwise hide its buttons.
    const questions = new MutationObserver(records => {
        for (const node of records.flatMap(r => [...r.addedNodes])) {
            if (node instanceof HTMLElement && node.matches('.inline-question')) {
                node.scrollIntoView({ block: 'center' });
            }
        }
    });
    window.addEventListener('keydown', onKey, true);
    root.addEventListener('input', onInput);
    questions.observe(root, { childList: true, subtree: true });
    attached.set(root, () => {
        window.removeEventListener('keydown', onKey, true);
        root.removeEventListener('input', onInput);
        questions.disconnect();
    });
}

export function detach(root) {
    attached.get(root)?.();
    attached.delete(root);
}
