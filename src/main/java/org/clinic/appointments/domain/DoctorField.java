package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The fields of a doctor's record an admin edits, with their codes in the record's history. */
public enum DoctorField {
    NAME("name", Doctor::getName, Doctor::setName),
    SPECIALIZATION("specialization", Doctor::getSpecialization, Doctor::setSpecialization),
    QUALIFICATION("qualification", Doctor::getQualification, Doctor::setQualification),
    EXPERIENCE("experience", Doctor::getExperience, Doctor::setExperience),
    PHONE("phone", Doctor::getPhone, Doctor::setPhone),
    EMAIL("email", Doctor::getEmail, Doctor::setEmail),
    LOCATION("location", Doctor::getLocation, Doctor::setLocation),
    ABOUT("about", Doctor::getAbout, Doctor::setAbout),
    FEE("fee", d -> d.getFee() == null ? null : d.getFee().toPlainString(),
            (d, v) -> d.setFee(v == null ? null : new BigDecimal(v))),
    PHOTO("photo", Doctor::getPhoto, Doctor::setPhoto);

    private final String code;
    private final Function<Doctor, String> value;
    private final BiConsumer<Doctor, String> setter;

    DoctorField(String code, Function<Doctor, String> value, BiConsumer<Doctor, String> setter) {
        this.code = code;
        this.value = value;
        this.setter = setter;
    }

    public String code() {
        return code;
    }

    public String valueOf(Doctor doctor) {
        return value.apply(doctor);
    }

    void copy(Doctor from, Doctor to) {
        setter.accept(to, value.apply(from));
    }

    boolean differs(Doctor a, Doctor b) {
        if (this == FEE) {
            return a.getFee() == null ? b.getFee() != null : b.getFee() == null || a.getFee().compareTo(b.getFee()) != 0;
        }
        return !Objects.equals(blankAsNull(valueOf(a)), blankAsNull(valueOf(b)));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
