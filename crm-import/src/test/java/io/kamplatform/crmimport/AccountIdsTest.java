package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.EventData;
import org.junit.jupiter.api.Test;

class AccountIdsTest {

    @Test
    void slugIsLowerCaseAsciiWordsJoinedByDashes() {
        assertEquals("acme-corporation", AccountIds.slug("Acme Corporation"));
        assertEquals("acme-corporation", AccountIds.slug("  ACME   Corporation. "));
        assertEquals("bluth-and-sons", AccountIds.slug("Bluth & Sons"));
        assertEquals("societe-generale-des-eaux", AccountIds.slug("Société Générale des Eaux"));
        assertEquals("strasse-und-muller-gmbh-and-co-kg", AccountIds.slug("Straße und Müller GmbH & Co. KG"));
        assertEquals("kan-code", AccountIds.slug("Kan-code"));
        assertEquals("o-reilly-ltd", AccountIds.slug("O'Reilly Ltd"));
    }

    @Test
    void namesWithoutLatinLettersOrDigitsGetAHashOfTheName() {
        String id = AccountIds.slug("株式会社トヨタ");
        assertTrue(id.matches("h-[0-9a-f]{12}"), id);
        assertEquals(id, AccountIds.slug(" 株式会社トヨタ "));
    }

    @Test
    void longNamesAreCutAndKeepAHashSoThatTheyStayDistinct() {
        String base = "The International Consolidated Manufacturing and Distribution Company of ";
        String north = AccountIds.slug(base + "the North");
        String south = AccountIds.slug(base + "the South");
        assertTrue(EventData.ID.matcher(north).matches(), north);
        assertTrue(north.length() <= 64, north);
        assertTrue(north.startsWith("the-international-consolidated-manufacturing"), north);
        assertTrue(!north.equals(south), north + " = " + south);
    }
}
