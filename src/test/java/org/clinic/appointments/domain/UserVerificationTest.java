package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class UserVerificationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static User patient() {
        User user = new User();
        user.setId("u1");
        user.setEmail("asha@example.com");
        user.setRole(Role.PATIENT);
        return user;
    }

    @Test
    void accountsMadeBeforeVerificationExistedCountAsVerifiedAndHaveNothingToVerify() {
        User legacy = patient();
        assertTrue(legacy.isEmailVerified());
        assertNull(legacy.addressToVerify());
        assertThrows(BookingException.class, () -> legacy.withVerifyToken("h", NOW.plusSeconds(60)));
    }

    @Test
    void aLinkIsOpenUntilItsExpiryForItsOwnSecretOnlyAndOnce() {
        User user = patient().unverified(NOW).withVerifyToken("hash-1", NOW.plus(Duration.ofHours(48)));
        assertFalse(user.isEmailVerified());
        assertEquals("asha@example.com", user.addressToVerify());
        assertTrue(user.verifyOpen("hash-1", NOW.plus(Duration.ofHours(47))));
        assertFalse(user.verifyOpen("hash-1", NOW.plus(Duration.ofHours(48))), "run out");
        assertFalse(user.verifyOpen("hash-2", NOW), "another secret");
        assertFalse(user.verifyOpen(null, NOW));

        User replaced = user.withVerifyToken("hash-2", NOW.plus(Duration.ofHours(48)));
        assertFalse(replaced.verifyOpen("hash-1", NOW), "a newer link replaces the older");

        User verified = replaced.verified(NOW);
        assertTrue(verified.isEmailVerified());
        assertEquals(java.util.List.of(), verified.getChanges(), "verifying the address signed up with changes nothing");
        assertFalse(verified.verifyOpen("hash-2", NOW), "spent");
        assertFalse(user.isEmailVerified(), "the earlier record is unchanged");
    }

    @Test
    void aNewAddressReplacesTheOldOnlyWhenVerified() {
        User asked = patient().emailChangeRequested("asha.new@example.com", "hash", NOW.plusSeconds(3600));
        assertEquals("asha@example.com", asked.getEmail(), "the old address stays until verified");
        assertEquals("asha.new@example.com", asked.addressToVerify());
        User verified = asked.verified(NOW);
        assertEquals("asha.new@example.com", verified.getEmail());
        assertNull(verified.getPendingEmail());
        assertNull(verified.addressToVerify());
        assertEquals(java.util.List.of(new AccountChange(NOW, "u1", ChangeType.EMAIL_VERIFIED,
                "asha@example.com → asha.new@example.com")), verified.getChanges(), "the change is kept, from → to");
    }

    @Test
    void aNewNameOrPhoneIsKeptAsFromToAndAnUnchangedProfileKeepsNothing() {
        User asha = patient();
        asha.setName("Asha Rao");
        asha.setPhone("+91 90000 11111");
        User renamed = asha.profileChanged("Asha R. Rao", "+91 90000 11111", NOW);
        assertEquals("Asha R. Rao", renamed.getName());
        assertEquals(java.util.List.of(new AccountChange(NOW, "u1", ChangeType.PROFILE_CHANGED,
                "name: Asha Rao → Asha R. Rao")), renamed.getChanges());
        User both = renamed.profileChanged("Asha Rao", "+91 90000 22222", NOW.plusSeconds(5));
        assertEquals("name: Asha R. Rao → Asha Rao; phone: +91 90000 11111 → +91 90000 22222",
                both.getChanges().get(1).getDetail());
        assertEquals(2, both.profileChanged("Asha Rao", "+91 90000 22222", NOW.plusSeconds(9)).getChanges().size(),
                "saving the same name and phone again is not a change");
    }

    @Test
    void theClinicCorrectsAWalkInsNameAndPhoneButNotThoseOfAnAccountHolder() {
        User walkIn = User.walkIn("w1", "Lakshmi N", "+91 94444 12345", NOW, "admin-1");
        User corrected = walkIn.walkInDetailsCorrected("Lakshmi Narayanan", "+91 94444 12346", NOW.plusSeconds(60), "admin-2");
        assertEquals("+91 94444 12346", corrected.getPhone());
        assertEquals(new AccountChange(NOW.plusSeconds(60), "admin-2", ChangeType.PROFILE_CHANGED,
                "name: Lakshmi N → Lakshmi Narayanan; phone: +91 94444 12345 → +91 94444 12346"),
                corrected.getChanges().get(1), "kept with the admin who corrected it");
        BookingException refused = assertThrows(BookingException.class,
                () -> patient().walkInDetailsCorrected("Someone Else", "+91 90000 00000", NOW, "admin-1"));
        assertEquals("patients.details.own_account", refused.getMessageKey());
    }

    @Test
    void aChosenPasswordEndsEverySessionSignedInBeforeIt() {
        User changed = patient().passwordChanged("new-hash", NOW);
        assertEquals("new-hash", changed.getPassword());
        assertFalse(changed.sessionValid(NOW.minusSeconds(1)));
        assertTrue(changed.sessionValid(NOW));
        User reset = changed.withResetToken("reset-hash", NOW.plusSeconds(3600)).passwordReset("newer-hash", NOW.plusSeconds(60));
        assertEquals(java.util.List.of(ChangeType.PASSWORD_CHANGED, ChangeType.PASSWORD_RESET),
                reset.getChanges().stream().map(AccountChange::type).toList(), "both are kept, without any hash");
        assertTrue(reset.getChanges().stream().allMatch(c -> c.getDetail().isEmpty() && "u1".equals(c.getActor())));
    }
}
