package org.clinic.appointments.web.param;

import java.util.Arrays;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.PaymentMethod;

/** A payment method code in a URL. */
@FacesConverter("param.method")
public class MethodParam extends CodeParam {

    public MethodParam() {
        super(Arrays.stream(PaymentMethod.values()).map(PaymentMethod::code).toList());
    }
}
