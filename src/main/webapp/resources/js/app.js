/*
 * Countdown of a slot hold: <strong class="countdown" data-ends-at="epoch ms" data-over-text="…" data-disable="button id"
 * data-announce="live region id" data-minutes-text="… {0} …" data-minute-text="… a minute …">. The live region is told once a minute, not every second.
 */
(function () {
    function announce(el, text) {
        var region = document.getElementById(el.getAttribute('data-announce'));
        if (region && region.textContent !== text) {
            region.textContent = text;
        }
    }
    function tick(el) {
        var left = Math.max(0, Number(el.getAttribute('data-ends-at')) - Date.now());
        if (left <= 0) {
            el.textContent = '00:00';
            var over = el.getAttribute('data-over-text');
            var box = el.parentNode;
            box.classList.add('warning');
            box.textContent = over;
            announce(el, over);
            var button = document.getElementById(el.getAttribute('data-disable'));
            if (button) {
                button.disabled = true;
                button.classList.add('ui-state-disabled');
            }
            return false;
        }
        var seconds = Math.floor(left / 1000);
        var minutes = Math.floor(seconds / 60);
        el.textContent = String(minutes).padStart(2, '0') + ':' + String(seconds % 60).padStart(2, '0');
        var template = el.getAttribute('data-minutes-text');
        if (template && (seconds % 60 === 59 || !el.hasAttribute('data-announced'))) {
            el.setAttribute('data-announced', 'true');
            var started = minutes + (seconds % 60 > 0 ? 1 : 0);
            announce(el, started === 1 && el.hasAttribute('data-minute-text') ? el.getAttribute('data-minute-text')
                : template.replace('{0}', String(started)));
        }
        return true;
    }
    function startCountdowns() {
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
    /* PrimeFaces gives each message's <li> the role "alert", which a list item may not have: the role moves to the
       box of messages of that severity, which is announced the same way. */
    function alertsOnTheirBoxes() {
        document.querySelectorAll('.ui-messages li[role=alert]').forEach(function (li) {
            li.removeAttribute('role');
            var box = li.closest('.ui-messages-error, .ui-messages-warn, .ui-messages-info, .ui-messages-fatal');
            if (box) {
                box.setAttribute('role', 'alert');
            }
        });
    }
    function mend() {
        alertsOnTheirBoxes();
    }
    /* An ajax request that got no usable answer (the network, a proxy, a server restarting) says so in the page's
       alert box instead of doing nothing; the next answered one clears it. A request the page itself called off is
       no failure. */
    function reportAjaxFailures() {
        if (!window.jQuery) {
            return;
        }
        function show(failed) {
            var box = document.getElementById('connectionProblem');
            if (box) {
                box.className = failed ? 'notice warning' : '';
                box.textContent = failed ? box.getAttribute('data-text') : '';
            }
        }
        jQuery(document).on('pfAjaxError', function (event, xhr) {
            if (!xhr || xhr.statusText !== 'abort') {
                show(true);
            }
        });
        jQuery(document).on('pfAjaxSuccess', function () { show(false); });
    }
    /* <button type="button" data-print> prints the page (app.css has what paper leaves out). */
    /* On a phone the booking page's days scroll sideways: the chosen one is brought into view, not left off-screen. */
    function showChosenDay() {
        var chosen = document.querySelector('.day-grid [aria-current="date"]');
        var strip = chosen && chosen.closest('.day-grid');
        if (!strip || strip.scrollWidth <= strip.clientWidth) {
            return;
        }
        strip.scrollLeft += chosen.getBoundingClientRect().left - strip.getBoundingClientRect().left
            - (strip.clientWidth - chosen.offsetWidth) / 2;
    }
    function printButtons() {
        document.querySelectorAll('[data-print]').forEach(function (button) {
            button.addEventListener('click', function () { window.print(); });
        });
    }
    /* Shortly before the session ends for lack of activity, says so and offers to stay signed in. The last contact
       with the server is shared by the person's tabs (localStorage), so one tab in use keeps the others quiet. */
    function sessionEnding() {
        var box = document.getElementById('sessionEnding');
        var seconds = box ? Number(box.getAttribute('data-seconds')) : 0;
        if (!(seconds > 0)) {
            return;
        }
        var key = 'clinic.lastContact';
        var lead = Math.min(120, Math.floor(seconds / 2)) * 1000;
        var text = document.getElementById('sessionEndingText');
        var stay = document.getElementById('staySignedIn');
        var last = 0;
        var timer;
        function shared() {
            try {
                return Number(window.localStorage.getItem(key)) || 0;
            } catch (e) {
                return 0;
            }
        }
        function touched() {
            last = Date.now();
            try {
                window.localStorage.setItem(key, String(last));
            } catch (e) { /* private mode: this tab alone */ }
            check();
        }
        function ended() {
            clearInterval(timer);
            box.hidden = false;
            stay.style.display = 'none';
            say(box.getAttribute('data-ended-text'));
        }
        function check() {
            var left = Math.max(last, shared()) + seconds * 1000 - Date.now();
            if (left <= 0) {
                ended();
                return;
            }
            box.hidden = left > lead;
            say(box.getAttribute('data-ending-text').replace('{0}', String(Math.ceil(left / 60000))));
        }
        function say(words) {
            if (text.textContent !== words) {
                text.textContent = words;
            }
        }
        stay.addEventListener('click', function () {
            fetch(box.getAttribute('data-ping'), { method: 'POST', credentials: 'same-origin', cache: 'no-store' })
                .then(function (answer) {
                    if (answer.status === 204) {
                        touched();
                    } else {
                        ended();
                    }
                }, function () { /* no answer: the notice stays */ });
        });
        if (window.jQuery) {
            jQuery(document).on('pfAjaxComplete', touched);
        }
        touched();
        timer = setInterval(check, 5000);
    }
    function start() {
        startCountdowns();
        showChosenDay();
        printButtons();
        sessionEnding();
        reportAjaxFailures();
        mend();
        if (window.MutationObserver) {
            new MutationObserver(mend).observe(document.body, {childList: true, subtree: true});
        }
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();

/* The admin calendar grows with its content instead of scrolling inside a box a keyboard cannot reach
   (p:schedule extender="calendarOptions"). Its regional locale (en_IN: dates as 5 Dec and 5/12) keeps the
   language's button names, which PrimeFaces has for the language only. On a phone a week's columns are
   headed by the weekday's initial and the day (S 29), which fit them. Its hours are the doctors' working hours;
   an appointment outside them (booked before a plan changed) widens them, so that none is left off. The page's
   address and the doctor's form follow the view and the dates shown, so that Back from an appointment and
   choosing another doctor keep them. Weeks start on Monday, as the working plan lists them. */
function calendarOptions() {
    var widget = this;
    this.cfg.options.height = 'auto';
    this.cfg.options.eventsSet = function (events) {
        widenCalendarHours(widget.calendar, events);
    };
    this.cfg.options.datesSet = function (shown) {
        var address = new URL(window.location.href);
        address.searchParams.set('view', shown.view.type);
        var date = shown.view.calendar.formatIso(shown.view.currentStart, true);
        address.searchParams.set('date', date);
        history.replaceState(history.state, '', address);
        var choice = document.getElementById('choose');
        if (choice) {
            choice.elements['choose:view'].value = shown.view.type;
            choice.elements['choose:date'].value = date;
        }
    };
    if (window.matchMedia('(max-width: 600px)').matches) {
        var views = this.cfg.options.views = this.cfg.options.views || {};
        views.timeGridWeek = Object.assign(views.timeGridWeek || {}, { dayHeaderFormat: { weekday: 'narrow', day: 'numeric' } });
    }
    var language = this.cfg.locale && this.cfg.locale.split('_')[0];
    if (language && !PrimeFaces.locales[this.cfg.locale] && PrimeFaces.locales[language]) {
        PrimeFaces.locales[this.cfg.locale] = PrimeFaces.locales[language];
        this.configureLocale();
    }
    this.cfg.options.firstDay = 1;
}

function widenCalendarHours(calendar, events) {
    if (!calendar) {
        return;
    }
    var first = calendar.getOption('slotMinTime'), end = calendar.getOption('slotMaxTime');
    var firstHour = hourOf(first), endHour = hourOf(end);
    var wantFirst = firstHour, wantEnd = endHour;
    events.forEach(function (event) {
        var starts = event.startStr.substring(11, 16), ends = event.endStr ? event.endStr.substring(11, 16) : starts;
        var startHour = parseInt(starts, 10), nextDay = event.endStr && event.endStr.substring(0, 10) !== event.startStr.substring(0, 10);
        var endsHour = nextDay ? 24 : parseInt(ends, 10) + (ends.substring(3) === '00' ? 0 : 1);
        wantFirst = Math.min(wantFirst, startHour);
        wantEnd = Math.max(wantEnd, endsHour, startHour + 1);
    });
    if (wantFirst < firstHour) {
        calendar.setOption('slotMinTime', pad(wantFirst) + ':00:00');
    }
    if (wantEnd > endHour) {
        calendar.setOption('slotMaxTime', pad(Math.min(24, wantEnd)) + ':00:00');
    }

    function hourOf(time) {
        if (typeof time === 'string') {
            return parseInt(time, 10);
        }
        return Math.round((time.milliseconds || 0) / 3600000);
    }

    function pad(hour) {
        return (hour < 10 ? '0' : '') + hour;
    }
}

/* A page's main table after an ajax page or sort (TablePosition): its page, page size and order (for a table
   that has several) go into the page's address, the usual ones left out. */
function tableAddress(page, rows, sort, order) {
    var address = new URL(window.location.href), params = address.searchParams;
    var usualOrder = sort === 'slot' && order === 'desc';
    var position = [['page', page === 1 ? null : page], ['rows', rows === 25 ? null : rows]];
    if (sort) {
        position.push(['sort', usualOrder ? null : sort], ['order', usualOrder ? null : order]);
    }
    position.forEach(function (entry) {
        if (entry[1] === null) {
            params.delete(entry[0]);
        } else {
            params.set(entry[0], entry[1]);
        }
    });
    history.replaceState(history.state, '', address);
}
