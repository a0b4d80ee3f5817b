package org.clinic.appointments.web.param;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One of a fixed list of codes in a URL, in any case; read as the code's own spelling. */
public abstract class CodeParam extends ViewParameterConverter {

    private final List<String> codes;

    protected CodeParam(List<String> codes) {
        super(32);
        this.codes = List.copyOf(codes);
    }

    @Override
    protected Optional<String> read(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return codes.stream().filter(code -> code.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}
