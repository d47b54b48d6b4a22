// Sends receipts from the file picker or a drop straight to the Web's upload endpoint over HTTP
// (never through the Blazor circuit), and reports progress and the answer back to .NET.
export function attach(zone, input, dotnet, options) {
    const pick = zone.querySelector('[data-receipt-pick]');
    let queue = Promise.resolve();
    let current = null;
    let disposed = false;

    const report = (method, ...args) => disposed ? Promise.resolve() : dotnet.invokeMethodAsync(method, ...args).catch(() => { });
    const hasFiles = e => Array.from(e.dataTransfer?.types ?? []).includes('Files');

    const onPick = () => input.click();
    const onChange = () => {
        const files = Array.from(input.files);
        input.value = '';
        enqueue(files);
    };
    const onDragOver = e => {
        if (hasFiles(e)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            zone.classList.add('dragging');
        }
    };
    const onDragLeave = e => {
        if (!zone.contains(e.relatedTarget)) {
            zone.classList.remove('dragging');
        }
    };
    // A file dropped beside the zone would otherwise make the browser leave the app to show it.
    const onStrayDrop = e => {
        if (hasFiles(e)) {
            e.preventDefault();
        }
    };
    const onDrop = e => {
        zone.classList.remove('dragging');
        if (hasFiles(e)) {
            e.preventDefault();
            enqueue(Array.from(e.dataTransfer.files));
        }
    };

    function enqueue(files) {
        for (const file of files) {
            queue = queue.then(() => upload(file));
        }
    }

    async function upload(file) {
        if (disposed) {
            return;
        }
        // Refused here already: no point sending 10 MB only to hear "too large".
        if (file.size > options.maxBytes) {
            await report('UploadFinished', file.name, 413, '');
            return;
        }
        await report('UploadStarted', file.name);
        const result = await send(file);
        await report('UploadFinished', file.name, result.status, result.body);
    }

    function send(file) {
        return new Promise(resolve => {
            const xhr = new XMLHttpRequest();
            current = xhr;
            let lastPercent = -1;
            xhr.open('POST', options.url);
            xhr.setRequestHeader(options.tokenHeader, options.token);
            xhr.timeout = 10 * 60 * 1000;
            xhr.upload.onprogress = e => {
                const percent = e.lengthComputable ? Math.floor(e.loaded * 100 / e.total) : -1;
                if (percent >= 0 && percent !== lastPercent) {
                    lastPercent = percent;
                    report('UploadProgress', percent);
                }
            };
            xhr.onload = () => {
                // A redirect (to the sign-in page) means the session ended.
                const redirected = xhr.responseURL && new URL(xhr.responseURL).pathname !== options.url;
                resolve(redirected ? { status: 401, body: '' } : { status: xhr.status, body: xhr.responseText });
            };
            xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve({ status: 0, body: '' });
            const form = new FormData();
            form.append('file', file, file.name);
            xhr.send(form);
        }).finally(() => current = null);
    }

    pick?.addEventListener('click', onPick);
    input.addEventListener('change', onChange);
    // Says the picker listens (a browser test chooses files only then; before, they would go nowhere).
    input.dataset.listening = 'true';
    zone.addEventListener('dragover', onDragOver);
    zone.addEventListener('dragleave', onDragLeave);
    zone.addEventListener('drop', onDrop);
    window.addEventListener('dragover', onStrayDrop);
    window.addEventListener('drop', onStrayDrop);
    // Files chosen before this module was attached (a fast pick right after the dialog opened) fired
    // their change event with no listener: send them now instead of losing them.
    if (input.files?.length) {
        onChange();
    }

    return {
        dispose() {
            disposed = true;
            current?.abort();
            pick?.removeEventListener('click', onPick);
            input.removeEventListener('change', onChange);
            zone.removeEventListener('dragover', onDragOver);
            zone.removeEventListener('dragleave', onDragLeave);
            zone.removeEventListener('drop', onDrop);
            window.removeEventListener('dragover', onStrayDrop);
            window.removeEventListener('drop', onStrayDrop);
        }
    };
}
