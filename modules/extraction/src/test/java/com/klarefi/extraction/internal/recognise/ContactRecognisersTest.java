package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRecognisersTest {
    private static List<String> normalised(Recogniser recogniser, String text) {
        return recogniser.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void readsDutchPhoneNumbersInNationalAndInternationalForm() {
        PhoneRecogniser phones = new PhoneRecogniser();
        assertThat(normalised(phones, "mobiel 06-12345678")).containsExactly("+31612345678");
        assertThat(normalised(phones, "tel (020) 555 1234")).containsExactly("+31205551234");
        assertThat(normalised(phones, "phone +31 6 1234 5678")).containsExactly("+31612345678");
        assertThat(normalised(phones, "phone +44 20 7946 0958")).containsExactly("+442079460958");
    }

    @Test
    void lowerCasesEmailAddresses() {
        assertThat(normalised(new EmailRecogniser(), "mail: J.Jansen@Example.NL."))
                .containsExactly("j.jansen@example.nl");
    }

    @Test
    void joinsAnAddressThatBeginsWithAnUnderscoreToTheWordOcrSetApartBeforeIt() {
        List<Match> found = new EmailRecogniser().scan("E-mailadres marloes _terhorst@gmail.com");
        assertThat(found).extracting(Match::normalized).containsExactly("marloes_terhorst@gmail.com");
        assertThat(found.getFirst().start()).isEqualTo("E-mailadres ".length());
        assertThat(normalised(new EmailRecogniser(), "Email address epeters91 @outlook.com"))
                .containsExactly("epeters91@outlook.com");
    }

    @Test
    void readsCountryNamesInSeveralLanguagesAsIsoCodes() {
        CountryRecogniser countries = new CountryRecogniser();
        assertThat(normalised(countries, "vakantie in Oostenrijk")).containsExactly("AT");
        assertThat(normalised(countries, "reis naar Groot-Brittannië")).containsExactly("GB");
        assertThat(normalised(countries, "a trip to the United States of America"))
                .containsExactly("US");
        assertThat(normalised(countries, "Reise nach Frankreich")).containsExactly("FR");
        assertThat(normalised(countries, "Nice, France")).containsExactly("FR");
    }
}
