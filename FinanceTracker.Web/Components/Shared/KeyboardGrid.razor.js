// A table with role grid as ONE Tab stop (a roving tabindex: exactly one element in it has tabindex 0, the one focused
// last). Inside it: the arrow keys move between cells, the header row included; Home/End go to the row's first/last
// cell, Ctrl+Home/Ctrl+End to the first cell of the first row and the last cell of the last row; Enter on a body cell
// opens its row (clicks the row's [data-row-open] control). A cell with one control (the payee button, a checkbox, a
// header's sort button) hands focus to that control, so Enter and Space work on it as usual (the ARIA grid pattern).
const controls = 'a[href], button, input, select, textarea, fluent-button, [col-sort-button]';
const grids = new Map();

const visible = element => element.getClientRects().length > 0;

const rowsOf = table => Array.from(table.rows).filter(row => row.cells.length > 0 && visible(row));

const cellsOf = row => Array.from(row.cells).filter(visible);

/** What gets focus in a cell: its one visible control, or the cell itself. */
function focusTarget(cell) {
    const control = Array.from(cell.querySelectorAll(controls)).find(visible);
    return control ?? cell;
}

function firstTarget(table) {
    const body = rowsOf(table).find(row => row.parentElement?.tagName !== 'THEAD') ?? rowsOf(table)[0];
    const cell = body && cellsOf(body)[0];
    return cell ? focusTarget(cell) : null;
}

/** Exactly one element in the table is in the Tab order: the current one (or the first body cell). */
function sync(state) {
    const table = state.container.querySelector('table');
    if (!table) {
        return;
    }
    if (!state.current || !table.contains(state.current) || !visible(state.current)) {
        state.current = firstTarget(table);
    }
    for (const element of table.querySelectorAll(`td, th, [tabindex], ${controls}`)) {
        const wanted = element === state.current ? '0' : '-1';
        if (element.getAttribute('tabindex') !== wanted) {
            element.setAttribute('tabindex', wanted);
        }
    }
}

function moveTo(state, cell) {
    if (!cell) {
        return;
    }
    const target = focusTarget(cell);
    state.current = target;
    sync(state);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The cell in another row under the same column (or the nearest one, for a row with fewer cells). */
function sameColumn(row, cell) {
    if (!row) {
        return null;
    }
    const cells = cellsOf(row);
    return cells.find(c => c.cellIndex === cell.cellIndex) ?? cells[Math.min(cellsOf(cell.parentElement).indexOf(cell), cells.length - 1)];
}

function neighbour(table, cell, key, ctrl) {
    const rows = rowsOf(table);
    const row = cell.parentElement;
    const cells = cellsOf(row);
    const at = cells.indexOf(cell);
    const rtl = getComputedStyle(table).direction === 'rtl';
    switch (key) {
        case 'ArrowRight': return cells[at + (rtl ? -1 : 1)];
        case 'ArrowLeft': return cells[at + (rtl ? 1 : -1)];
        case 'ArrowDown': return sameColumn(rows[rows.indexOf(row) + 1], cell);
        case 'ArrowUp': return sameColumn(rows[rows.indexOf(row) - 1], cell);
        case 'Home': return ctrl ? cellsOf(rows[0])[0] : cells[0];
        case 'End': return ctrl ? cellsOf(rows.at(-1)).at(-1) : cells.at(-1);
        default: return undefined;
    }
}

function onKeyDown(state, event) {
    const table = state.container.querySelector('table');
    const cell = event.target instanceof Element ? event.target.closest('td, th') : null;
    if (!table || !cell || !table.contains(cell) || event.altKey || event.metaKey) {
        return;
    }
    // A text field in a cell keeps its own keys (there is none today; a future inline editor must not lose them).
    if (event.target.matches('input:not([type=checkbox]):not([type=radio]), select, textarea, [contenteditable]')) {
        return;
    }
    const next = neighbour(table, cell, event.key, event.ctrlKey);
    if (next !== undefined) {
        event.preventDefault();
        event.stopPropagation(); // Fluent's data grid has arrow keys of its own, which would move focus a second time.
        moveTo(state, next);
        return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') {
        return;
    }
    // Fluent's cells act on Enter too (a row click): only one thing may happen.
    event.stopPropagation();
    const onControl = event.target !== cell;
    if (onControl && !event.target.matches('input[type=checkbox], input[type=radio]')) {
        return; // A button or link: Enter and Space click it, as everywhere.
    }
    if (event.key === ' ') {
        if (!onControl) {
            event.preventDefault(); // Not a page scroll while on a plain cell.
        }
        return;
    }
    const open = cell.closest('tbody') ? cell.parentElement.querySelector('[data-row-open]') : null;
    if (open) {
        event.preventDefault();
        open.click();
    }
}

function onFocusIn(state, event) {
    const table = state.container.querySelector('table');
    const cell = event.target instanceof Element ? event.target.closest('td, th') : null;
    if (table && cell && table.contains(cell)) {
        // A click or a script put focus here: Shift+Tab from outside comes back to it.
        state.current = event.target === cell || cell.contains(event.target) ? event.target : focusTarget(cell);
        sync(state);
    }
}

export function attach(container) {
    if (!container || grids.has(container)) {
        return;
    }
    const state = { container, current: null };
    state.keydown = event => onKeyDown(state, event);
    state.focusin = event => onFocusIn(state, event);
    // Captured on the way down, before Fluent's own grid handler on the table sees the key.
    container.addEventListener('keydown', state.keydown, { capture: true });
    container.addEventListener('focusin', state.focusin);
    // Rows come and go (paging, filters, loading): new cells arrive with tabindex 0 from Fluent and are put back in line.
    state.observer = new MutationObserver(() => sync(state));
    state.observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
    grids.set(container, state);
    sync(state);
}

export function detach(container) {
    const state = grids.get(container);
    if (!state) {
        return;
    }
    state.observer.disconnect();
    container.removeEventListener('keydown', state.keydown, { capture: true });
    container.removeEventListener('focusin', state.focusin);
    grids.delete(container);
}
