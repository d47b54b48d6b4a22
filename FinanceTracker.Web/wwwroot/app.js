// Native controls (date pickers, selects) follow the Fluent theme, not only the system setting.
document.body.addEventListener('themeChanged', e => {
    document.documentElement.style.colorScheme = e.detail && e.detail.isDark ? 'dark' : 'light';
});
