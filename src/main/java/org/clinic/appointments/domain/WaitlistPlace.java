package org.clinic.appointments.domain;

/** A place in a doctor's waitlist, as admins see it: whose it is and what they wait for. */
public record WaitlistPlace(String userId, String userName, WaitRequest request) {
}
