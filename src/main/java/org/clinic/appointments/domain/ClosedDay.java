package org.clinic.appointments.domain;

/** Why a doctor has no slots on a day: a clinic holiday (its name), their leave (its reason), deactivated, or not in their week. */
public record ClosedDay(Why why, String detail) {

    public enum Why {
        HOLIDAY("holiday"), LEAVE("leave"), INACTIVE("inactive"), NOT_WORKED("not_worked");

        private final String code;

        Why(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
