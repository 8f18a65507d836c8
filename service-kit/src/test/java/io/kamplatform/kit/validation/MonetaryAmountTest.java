package io.kamplatform.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MonetaryAmountTest {

    record Amount(BigDecimal amount, String currency) implements MonetaryAmount {
    }

    @Test
    void amountsReadAsInABusinessLetter() {
        assertThat(new Amount(new BigDecimal("1250"), "EUR").formatted()).isEqualTo("EUR 1,250.00");
        assertThat(new Amount(new BigDecimal("-750.5"), "EUR").formatted()).isEqualTo("EUR -750.50");
        assertThat(new Amount(new BigDecimal("1500"), "JPY").formatted()).isEqualTo("JPY 1,500");
        assertThat(new Amount(new BigDecimal("0.1234"), "EUR").formatted()).isEqualTo("EUR 0.1234");
    }

    @Test
    void decimalsFollowTheCurrency() {
        assertThat(FitsCurrencyValidator.decimalsOf("EUR")).isEqualTo(2);
        assertThat(FitsCurrencyValidator.decimalsOf("JPY")).isZero();
        assertThat(FitsCurrencyValidator.decimalsOf("KWD")).isEqualTo(3);
        assertThat(FitsCurrencyValidator.decimalsOf("XXZ")).isEqualTo(-1);
    }
}
