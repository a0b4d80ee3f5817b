package org.clinic.appointments.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** An account: a patient or an admin. {@code password} holds the password hash, never the password. */
public class User {

    private String id;
    private String name;
    private String email;
    private String password;
    private String phone;
    private Role role;
    private Instant createdAt;
    /** An admin invited but not yet signed up: the SHA-256 (hex) of the invitation's token; null otherwise. */
    private String invitation;
    private Instant invitationExpires;
    private String invitedBy;
    /** SHA-256 (hex) of the secret of the open password-reset link; null when there is none. */
    private String resetToken;
    private Instant resetExpires;
    /** Sessions that signed in before this instant are over (set when the password is reset). */
    private Instant sessionsValidFrom;
    /** When an admin suspended the account (it cannot log in or book); null when it is not suspended. */
    private Instant suspendedAt;
    /** Since when the account's address awaits verification; null once verified (and for accounts made before). */
    private Instant unverifiedSince;
    /** A new address the patient asked for: it replaces {@code email} once verified. */
    private String pendingEmail;
    /** SHA-256 (hex) of the secret of the open verification link; null when there is none. */
    private String verifyToken;
    private Instant verifyExpires;
    /** The waitlists the patient is on, oldest first; null when none. */
    private java.util.List<WaitRequest> waitlist;
    /**
     * The changes of this account, oldest first (suspensions and invitations by admins; name, phone, address and
     * password by its holder); null when none.
     */
    private java.util.List<AccountChange> changes;
    /** Fields of a migrated record that this product does not use, kept as they were; null when there are none. */
    private Map<String, Object> otherFields;

    public User() {
    }

    public User copy() {
        User copy = new User();
        copy.id = id;
        copy.name = name;
        copy.email = email;
        copy.password = password;
        copy.phone = phone;
        copy.role = role;
        copy.createdAt = createdAt;
        copy.invitation = invitation;
        copy.invitationExpires = invitationExpires;
        copy.invitedBy = invitedBy;
        copy.resetToken = resetToken;
        copy.resetExpires = resetExpires;
        copy.sessionsValidFrom = sessionsValidFrom;
        copy.suspendedAt = suspendedAt;
        copy.unverifiedSince = unverifiedSince;
        copy.pendingEmail = pendingEmail;
        copy.verifyToken = verifyToken;
        copy.verifyExpires = verifyExpires;
        copy.waitlist = waitlist == null ? null : waitlist.stream().map(WaitRequest::copy).toList();
        copy.changes = changes;
        copy.otherFields = otherFields;
        return copy;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getInvitation() {
        return invitation;
    }

    public Instant getInvitationExpires() {
        return invitationExpires;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    /**
     * Makes this account an invitation: no password until the token's holder chooses one before it expires. The
     * change is kept with the address invited.
     */
    public void invite(String tokenHash, Instant at, Instant expires, String by) {
        this.password = null;
        this.invitation = tokenHash;
        this.invitationExpires = expires;
        this.invitedBy = by;
        recorded(new AccountChange(at, by, ChangeType.ADMIN_INVITED, email));
    }

    /** The invitation's holder chose this password hash: the invitation is spent. */
    public void acceptInvitation(String passwordHash, Instant at) {
        closeInvitation(passwordHash);
        recorded(new AccountChange(at, id, ChangeType.INVITATION_ACCEPTED, null));
    }

    /** The invitation is withdrawn: nobody can sign in as this account. */
    public void withdrawInvitation(Instant at, String by) {
        closeInvitation(null);
        recorded(new AccountChange(at, by, ChangeType.INVITATION_WITHDRAWN, null));
    }

    private void closeInvitation(String passwordHash) {
        this.password = passwordHash;
        this.invitation = null;
        this.invitationExpires = null;
    }

    /** This change kept on the account, after those before it. */
    private void recorded(AccountChange change) {
        java.util.List<AccountChange> list = new java.util.ArrayList<>(getChanges());
        list.add(change);
        changes = java.util.List.copyOf(list);
    }

    /** The changes of this account, oldest first. */
    public java.util.List<AccountChange> getChanges() {
        return changes == null ? java.util.List.of() : changes;
    }

    /** An invitation not yet used or withdrawn (it may have expired). */
    public boolean isInvited() {
        return invitation != null;
    }

    public boolean invitationOpen(String tokenHash, Instant now) {
        return invitation != null && invitation.equals(tokenHash) && invitationExpires != null && now.isBefore(invitationExpires);
    }

    /** Neither a password nor an open invitation: nobody can sign in as this account. */
    public boolean isWithoutPassword() {
        return password == null || password.isBlank();
    }

    /** The domain of the placeholder address of a patient registered at the front desk without an e-mail address. */
    public static final String WALK_IN_DOMAIN = "walk-in.invalid";

    /** A patient admin {@code by} registered at the front desk with a name and phone only: no address, no password. */
    public static User walkIn(String id, String name, String phone, Instant now, String by) {
        User user = new User();
        user.id = id;
        user.name = name;
        user.phone = phone;
        user.email = "walk-in-" + id + "@" + WALK_IN_DOMAIN;
        user.role = Role.PATIENT;
        user.opened(now, by);
        return user;
    }

    /** This new account opened at {@code at} by {@code by}: its holder signing up, or an admin at the front desk. */
    public void opened(Instant at, String by) {
        this.createdAt = at;
        recorded(new AccountChange(at, by, ChangeType.USER_REGISTERED, null));
    }

    public boolean isWalkIn() {
        return isWalkInAddress(email);
    }

    /** Whether the address is the placeholder of a patient registered at the front desk without one. */
    public static boolean isWalkInAddress(String email) {
        return email != null && email.endsWith("@" + WALK_IN_DOMAIN);
    }

    /** This account with an open password-reset link (its secret's hash), replacing any earlier one. */
    public User withResetToken(String secretHash, Instant expires) {
        User next = copy();
        next.resetToken = secretHash;
        next.resetExpires = expires;
        return next;
    }

    /** Whether the link's secret (by its hash) is this account's open one and has not run out. */
    public boolean resetOpen(String secretHash, Instant now) {
        return open(resetToken, resetExpires, secretHash, now);
    }

    private static boolean open(String storedHash, Instant expires, String secretHash, Instant now) {
        return storedHash != null && secretHash != null && expires != null && now.isBefore(expires)
                && java.security.MessageDigest.isEqual(storedHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        secretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A new account whose address must be verified: it cannot confirm a Pay-at-Clinic booking until then. */
    public User unverified(Instant now) {
        User next = copy();
        next.unverifiedSince = now;
        return next;
    }

    /** This account with an open verification link (its secret's hash), replacing any earlier one. */
    public User withVerifyToken(String secretHash, Instant expires) {
        if (addressToVerify() == null) {
            throw new BookingException("verify.nothing");
        }
        User next = copy();
        next.verifyToken = secretHash;
        next.verifyExpires = expires;
        return next;
    }

    /** This account asking to use a new address from now on; it takes effect once verified. */
    public User emailChangeRequested(String newEmail, String secretHash, Instant expires) {
        User next = copy();
        next.pendingEmail = newEmail;
        next.verifyToken = secretHash;
        next.verifyExpires = expires;
        return next;
    }

    public boolean verifyOpen(String secretHash, Instant now) {
        return open(verifyToken, verifyExpires, secretHash, now);
    }

    /**
     * This account with the link's address verified at {@code now}: a pending new address becomes its address (the
     * change kept, from → to); the link is spent.
     */
    public User verified(Instant now) {
        User next = copy();
        if (pendingEmail != null) {
            next.email = pendingEmail;
            next.pendingEmail = null;
            next.recorded(new AccountChange(now, id, ChangeType.EMAIL_VERIFIED, email + " → " + next.email));
        }
        next.unverifiedSince = null;
        next.verifyToken = null;
        next.verifyExpires = null;
        return next;
    }

    public boolean isEmailVerified() {
        return unverifiedSince == null;
    }

    /** The address a verification link is for: a pending new one, else the account's own while unverified. */
    public String addressToVerify() {
        if (pendingEmail != null) {
            return pendingEmail;
        }
        return unverifiedSince == null ? null : email;
    }

    public String getPendingEmail() {
        return pendingEmail;
    }

    /** This account with a new password it chose itself: every other session ends (the caller renews its own). */
    public User passwordChanged(String newHash, Instant now) {
        User next = copy();
        next.password = newHash;
        next.sessionsValidFrom = now;
        next.recorded(new AccountChange(now, id, ChangeType.PASSWORD_CHANGED, null));
        return next;
    }

    /** This account with a new password: the link is spent and every session signed in before now ends. */
    public User passwordReset(String newHash, Instant now) {
        User next = copy();
        next.password = newHash;
        next.resetToken = null;
        next.resetExpires = null;
        next.sessionsValidFrom = now;
        next.recorded(new AccountChange(now, id, ChangeType.PASSWORD_RESET, null));
        return next;
    }

    /**
     * This walk-in offered online access by admin {@code by}: a link to choose a password (its secret's hash,
     * replacing any earlier one) goes to {@code address}, which becomes the account's address once the link is used.
     */
    public User onlineAccessOffered(String address, String secretHash, Instant expires, Instant now, String by) {
        if (!isWalkIn()) {
            throw new BookingException("patients.access.own_account");
        }
        requireNotMerged();
        if (suspendedAt != null) {
            throw new BookingException("patients.access.suspended");
        }
        User next = copy();
        next.pendingEmail = address;
        next.resetToken = secretHash;
        next.resetExpires = expires;
        next.recorded(new AccountChange(now, by, ChangeType.ONLINE_ACCESS_OFFERED, address));
        return next;
    }

    /**
     * This walk-in's record merged by admin {@code by} into {@code account}, the same patient's own account or another
     * walk-in's record of theirs: its appointments are then that record's, and this one is kept only for its history
     * (no booking for it, no correction, no online access; a link already mailed no longer works).
     */
    public User mergedInto(User account, Instant now, String by) {
        if (!isWalkIn()) {
            throw new BookingException("patients.merge.walk_in_only");
        }
        if (mergedIntoId() != null) {
            throw new BookingException("patients.merged");
        }
        if (account.getId().equals(id) || account.getRole() != Role.PATIENT || account.mergedIntoId() != null) {
            throw new BookingException("patients.merge.target");
        }
        User next = copy();
        next.pendingEmail = null;
        next.resetToken = null;
        next.resetExpires = null;
        next.recorded(new AccountChange(now, by, ChangeType.MERGED_INTO, account.getId()));
        return next;
    }

    /**
     * This walk-in's record no longer merged (admin {@code by} found it was not the same patient): it is a record of
     * its own again, and the appointments that came from it go back to it.
     */
    public User mergeUndone(Instant now, String by) {
        String mergedInto = mergedIntoId();
        if (mergedInto == null) {
            throw new BookingException("patients.merge.not_merged");
        }
        User next = copy();
        next.recorded(new AccountChange(now, by, ChangeType.MERGE_UNDONE, mergedInto));
        return next;
    }

    /** The id of the account or record this walk-in's record is merged into; null when it is not (or no longer). */
    public String mergedIntoId() {
        String mergedInto = null;
        for (AccountChange change : getChanges()) {
            if (change.type() == ChangeType.MERGED_INTO) {
                mergedInto = change.getDetail();
            } else if (change.type() == ChangeType.MERGE_UNDONE) {
                mergedInto = null;
            }
        }
        return mergedInto;
    }

    /** Refuses a change to a record merged into an account: the account is the patient's record now. */
    private void requireNotMerged() {
        if (mergedIntoId() != null) {
            throw new BookingException("patients.merged");
        }
    }

    /** Until when the walk-in's link to choose a password works; null when none was sent. */
    public Instant accessOfferedUntil() {
        return isWalkIn() && pendingEmail != null ? resetExpires : null;
    }

    /**
     * This account with the password chosen through its mailed link: a walk-in's link makes the address it was
     * mailed to the account's (online access taken), any other link is a password reset.
     */
    public User passwordChosenByLink(String newHash, Instant now) {
        if (!isWalkIn()) {
            return passwordReset(newHash, now);
        }
        if (pendingEmail == null) {
            throw new BookingException("reset.invalid");
        }
        User next = copy();
        next.email = pendingEmail;
        next.pendingEmail = null;
        next.password = newHash;
        next.resetToken = null;
        next.resetExpires = null;
        next.sessionsValidFrom = now;
        next.recorded(new AccountChange(now, id, ChangeType.ONLINE_ACCESS_TAKEN, next.email));
        return next;
    }

    /** Whether a session that signed in at this instant is still valid. */
    public boolean sessionValid(Instant signedInAt) {
        return suspendedAt == null
                && (sessionsValidFrom == null || (signedInAt != null && !signedInAt.isBefore(sessionsValidFrom)));
    }

    /**
     * This account with the name and phone its holder gave at {@code now}; what changed is kept ("name: A → B;
     * phone: …"), and nothing when nothing changed.
     */
    public User profileChanged(String newName, String newPhone, Instant now) {
        return detailsChanged(newName, newPhone, now, id);
    }

    /**
     * This walk-in's name and phone corrected by admin {@code by}: the clinic keeps those of the patients it
     * registered without an account; account holders keep their own ({@code patients.details.own_account}).
     */
    public User walkInDetailsCorrected(String newName, String newPhone, Instant now, String by) {
        if (!isWalkIn()) {
            throw new BookingException("patients.details.own_account");
        }
        requireNotMerged();
        return detailsChanged(newName, newPhone, now, by);
    }

    private User detailsChanged(String newName, String newPhone, Instant now, String by) {
        java.util.StringJoiner changed = new java.util.StringJoiner("; ");
        if (!java.util.Objects.equals(name, newName)) {
            changed.add("name: " + name + " → " + newName);
        }
        if (!java.util.Objects.equals(phone, newPhone)) {
            changed.add("phone: " + phone + " → " + newPhone);
        }
        User next = copy();
        next.name = newName;
        next.phone = newPhone;
        if (changed.length() > 0) {
            next.recorded(new AccountChange(now, by, ChangeType.PROFILE_CHANGED, changed.toString()));
        }
        return next;
    }

    /** This account suspended by admin {@code by}: it cannot log in or book, and its sessions end. */
    public User suspended(Instant now, String by) {
        if (suspendedAt != null) {
            throw new BookingException("patients.suspended_already");
        }
        User next = copy();
        next.suspendedAt = now;
        next.sessionsValidFrom = now;
        next.recorded(new AccountChange(now, by, ChangeType.SUSPENDED, null));
        return next;
    }

    public User reactivated(Instant now, String by) {
        if (suspendedAt == null) {
            throw new BookingException("patients.active_already");
        }
        User next = copy();
        next.suspendedAt = null;
        next.recorded(new AccountChange(now, by, ChangeType.REACTIVATED, null));
        return next;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /**
     * Refuses a hold this account makes for itself while suspended; the front desk may still book for it. Nobody
     * books for a walk-in's record merged into an account: the account is booked for instead.
     */
    public void requireMayHoldAs(String actor) {
        if (isSuspended() && id.equals(actor)) {
            throw new BookingException("login.suspended");
        }
        if (mergedIntoId() != null) {
            throw new BookingException("desk.patient.merged");
        }
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    /** At most this many places on waitlists at once. */
    public static final int MAX_WAITLIST_PLACES = 3;

    /**
     * This patient on a doctor's waitlist for {@code from} to {@code to} (days from {@code today} on, within
     * {@code lastDay}). Refused: dates out of range, days none of which the doctor {@code works} (no slot can come
     * free on them), a place already covering some of those days with that doctor, or too many places.
     */
    public User joinedWaitlist(WaitRequest request, LocalDateRange bookable, java.util.function.Predicate<LocalDate> works) {
        if (request.getFrom().isAfter(request.getTo()) || request.getFrom().isBefore(bookable.first())
                || request.getTo().isAfter(bookable.last())) {
            throw new BookingException("waitlist.dates", bookable.first(), bookable.last());
        }
        if (request.getFrom().datesUntil(request.getTo().plusDays(1)).noneMatch(works)) {
            throw new BookingException("waitlist.no_working_day");
        }
        java.util.List<WaitRequest> places = getWaitlist(bookable.first());
        if (places.stream().anyMatch(request::overlaps)) {
            throw new BookingException("waitlist.already");
        }
        if (places.size() >= MAX_WAITLIST_PLACES) {
            throw new BookingException("waitlist.too_many", MAX_WAITLIST_PLACES);
        }
        User next = copy();
        java.util.List<WaitRequest> list = new java.util.ArrayList<>(places);
        list.add(request.copy());
        next.waitlist = java.util.List.copyOf(list);
        return next;
    }

    /** This patient off the waitlist place {@code requestId} (left, or given an offer from it). */
    public User leftWaitlist(String requestId) {
        if (waitlist == null || waitlist.stream().noneMatch(w -> w.getId().equals(requestId))) {
            throw new BookingException("waitlist.gone");
        }
        User next = copy();
        java.util.List<WaitRequest> rest = waitlist.stream().filter(w -> !w.getId().equals(requestId))
                .map(WaitRequest::copy).toList();
        next.waitlist = rest.isEmpty() ? null : rest;
        return next;
    }

    /** The patient's waitlist places that still cover a day from {@code today} on. */
    public java.util.List<WaitRequest> getWaitlist(java.time.LocalDate today) {
        return waitlist == null ? java.util.List.of()
                : waitlist.stream().filter(w -> !w.getTo().isBefore(today)).map(WaitRequest::copy).toList();
    }

    /** Every place as stored (for the store's index). */
    public java.util.List<WaitRequest> getWaitlist() {
        return waitlist == null ? java.util.List.of() : java.util.Collections.unmodifiableList(waitlist);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    public void setOtherFields(Map<String, Object> otherFields) {
        this.otherFields = otherFields == null || otherFields.isEmpty() ? null : otherFields;
    }
}
