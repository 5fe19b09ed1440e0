package com.klarefi.extraction.internal.layout;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Generic words of administrative documents that label values no case type asks for: birth dates,
 * due dates, subtotals and tax, customer and claim numbers, booking and signing dates. When such a
 * label is the nearest to a value, the value belongs to it and not to a feature. This is general
 * knowledge of invoices, forms and letters in Dutch, English, German and French, not knowledge of
 * any case type.
 */
final class ContextVocabulary {
    static final List<String> LABELS = List.of(
            // births
            "Geboortedatum",
            "geboren",
            "geboren op",
            "Date of birth",
            "Birth date",
            "born",
            "Geburtsdatum",
            "geboren am",
            "Date de naissance",
            "né le",
            "née le",
            // payment terms
            "Vervaldatum",
            "Te betalen vóór",
            "Te betalen voor",
            "uiterlijk",
            "vóór",
            "Due date",
            "Payment due",
            "due no later than",
            "no later than",
            "before",
            "Fällig",
            "Fälligkeitsdatum",
            "Date d'échéance",
            "Balance due",
            "Restant",
            "Het restant",
            "Aanbetaling",
            "Deposit",
            "Amount paid",
            "Card payment",
            "Betaald",
            "Paid",
            "Anzahlung",
            "Acompte",
            // partial amounts
            "Subtotaal",
            "Subtotal",
            "Totaal excl. BTW",
            "Total excl. VAT",
            "excl. BTW",
            "excl. VAT",
            "BTW",
            "VAT",
            "btw 21%",
            "Zwischensumme",
            "MwSt",
            "Sous-total",
            "TVA",
            "Geschat schadebedrag",
            "Geschat",
            "Estimated cost of damage",
            "Estimated",
            "Estimate",
            "Tegenwaarde in euro",
            "Tegenwaarde",
            "Equivalent in euro",
            "Equivalent",
            "Reissom",
            "Travel price",
            "Reserveringskosten",
            "Booking fee",
            "Prijs",
            "Price",
            "Unit price",
            "Stukprijs",
            "Bedrag",
            "Amount",
            // other numbers
            "Klantnummer",
            "Customer number",
            "Customer no.",
            "Client ID",
            "Kundennummer",
            "Dossiernummer",
            "Claim number",
            "Schadenummer",
            "Registratienummer",
            "Registration no.",
            "Report number",
            "Proces-verbaalnummer",
            "BTW-nr.",
            "BTW-nummer",
            "VAT no.",
            "VAT number",
            "Km-stand",
            "Mileage",
            "Erkenningsnummer",
            "approval no.",
            "Room",
            "Kamer",
            "PNR",
            "Airline PNR",
            "Receipt",
            // other dates
            "Boekingsdatum",
            "Geboekt op",
            "Booking date",
            "Booked on",
            "Datum registratie",
            "Date registered",
            "Datum reparatie",
            "Repair date",
            "Verzonden",
            "Sent",
            "Ondertekend",
            "Signed",
            "signed at",
            "ondertekende",
            "Date signed",
            "Bouwjaar",
            "Year of manufacture",
            // other parties
            "Tel.",
            "Tenaamstelling rekening",
            "Ten name van",
            "t.n.v.",
            "Account holder",
            "in the name of",
            "Getuige",
            "Witness",
            "Zeuge",
            "Témoin",
            "Verzekeraar tegenpartij",
            "Naam wederpartij",
            "Third party name",
            "Bestuurder",
            "Driver",
            "Merk / type",
            "Make and model",
            "Adres",
            "Address",
            "Straat",
            "Street",
            "Postcode en woonplaats",
            "Postal code / city",
            "Postcode and town",
            "woonplaats",
            "wonende te");

    /** People a sentence can be about who are no party to the case. */
    static final List<String> BYSTANDERS = List.of("Getuige", "Witness", "Zeuge", "Témoin");

    /**
     * Parts of words that name an insurer or its claims desk ("Schadeverzekering", "Verzekeringen
     * N.V.", "Claims department"). Claims are addressed to the insurer: the details on its own
     * forms are the recipient's, never a party's of the case.
     */
    static final Pattern INSURER = Pattern.compile(
            "(?iu)verzeker|insurance|insurer|assurantie|assuradeur|versicher|assurances?(?!\\p{L})|claims department"
                    + "|schadeafdeling");

    /** Words that mark a signing block: a date or place on such a line is when and where one signed. */
    static final List<String> SIGNING = List.of("Handtekening", "Signature", "Ondertekening", "Unterschrift", "Signé");

    private ContextVocabulary() {}
}
