package org.clinic.appointments.web.param;

import java.util.Arrays;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.PaymentStatus;

/** A payment status code in a URL. */
@FacesConverter("param.payment")
public class PaymentParam extends CodeParam {

    public PaymentParam() {
        super(Arrays.stream(PaymentStatus.values()).map(PaymentStatus::code).toList());
    }
}
