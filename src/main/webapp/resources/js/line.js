/*
 * The "You are in line" page: asks where the person stands every few seconds and updates the number in place (a
 * polite live region, so a screen reader is not sent back to the top by a reload), then opens the booking page when
 * their turn comes. Without script the page reloads itself instead (its <noscript> refresh).
 */
(function () {
    var place = document.getElementById('linePlace');
    if (!place || !window.fetch) {
        return;
    }
    var every = 1000 * Number(place.getAttribute('data-every-seconds'));
    var template = place.getAttribute('data-place-text');
    function ask() {
        fetch(window.location.href, {headers: {'X-Line-Place': '1'}, credentials: 'same-origin',
                cache: 'no-store', redirect: 'manual'})
            .then(function (answer) {
                if (answer.status !== 200) {
                    window.location.reload();
                    return;
                }
                return answer.text().then(function (number) {
                    if (!/^\d+$/.test(number)) {
                        window.location.reload();
                        return;
                    }
                    var text = template.replace('{0}', Number(number).toLocaleString('en'));
                    if (place.textContent !== text) {
                        place.textContent = text;
                    }
                    setTimeout(ask, every);
                });
            })
            .catch(function () {
                setTimeout(ask, every);
            });
    }
    setTimeout(ask, every);
})();
