/* Countdown of a slot hold: <strong class="countdown" data-ends-at="epoch ms" data-over-text="…" data-disable="button id">. */
(function () {
    function tick(el) {
        var left = Math.max(0, Number(el.getAttribute('data-ends-at')) - Date.now());
        if (left <= 0) {
            el.textContent = '00:00';
            var box = el.parentNode;
            box.classList.add('warning');
            box.textContent = el.getAttribute('data-over-text');
            var button = document.getElementById(el.getAttribute('data-disable'));
            if (button) {
                button.disabled = true;
                button.classList.add('ui-state-disabled');
            }
            return false;
        }
        var seconds = Math.floor(left / 1000);
        var mm = String(Math.floor(seconds / 60)).padStart(2, '0');
        var ss = String(seconds % 60).padStart(2, '0');
        el.textContent = mm + ':' + ss;
        return true;
    }
    function start() {
        document.querySelectorAll('.countdown[data-ends-at]').forEach(function (el) {
            if (tick(el)) {
                var timer = setInterval(function () {
                    if (!tick(el)) {
                        clearInterval(timer);
                    }
                }, 1000);
            }
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
