// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <optional>

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QTimeZone>
#include <QVarLengthArray>

#include "analyzers/passivedns/pdnsrecord.h"

namespace d4::passivedns {

/** Why a line was not turned into a record. Every reason has its own counter and test. */
enum class RejectReason
{
    Empty,         ///< empty or whitespace-only line
    TooFewFields,  ///< fewer fields than the layout has (garbage without separators too)
    TooManyFields, ///< more fields than the layout has, and no answer field to absorb them
    BadTimestamp,  ///< timestamp field not in S.M / S / H form
    EmptyName,     ///< empty query name
    BadType,       ///< type column neither a mnemonic nor a decimal 0..65535
    BadNumber,     ///< TTL or count not a non-negative integer
    BadJson,       ///< JSON-mode line that is not an object with query, type and answer
    Count_         ///< number of reasons (array size)
};

/** A stable name for logs, /info and the UI. */
QByteArray rejectReasonName(RejectReason reason);

/**
 * The layout of passivedns text lines for one sensor: the field letters of `-f` and the `-d`
 * separator (gamelinux/passivedns, spec §3.2). The default is passivedns' own, "SMcsCQTAtn" / "||".
 * `H` timestamps are printed in the sensor's local time without a zone; @p timeZone says which
 * zone that is (default UTC).
 */
struct LineLayout
{
    QByteArray fields = QByteArrayLiteral("SMcsCQTAtn");
    QByteArray separator = QByteArrayLiteral("||");
    QTimeZone timeZone = QTimeZone::utc();
    /// JSON mode only (passivedns -j): other lines are rejected as bad_json. When false, JSON lines
    /// are still recognised by their '{'.
    bool jsonOnly = false;

    /** Empty when valid, else why not (unknown letter, no Q/T/A, empty separator). */
    QByteArray validate() const;
    bool isDefault() const { return fields == "SMcsCQTAtn" && separator == "||"; }
};

/** The result of LineParser::parse(). */
struct ParseResult
{
    enum class Kind
    {
        Record,   ///< an ordinary record
        Error,    ///< an error record (RCODE in the answer column); record.error is set
        Excluded, ///< the query name matched an exclusion substring
        Rejected  ///< see reason
    };
    Kind kind = Kind::Rejected;
    RejectReason reason = RejectReason::Empty;
    PdnsRecord record;
};

/** The fields of one text line as views into it, in passivedns' output order (LineParser::splitText). */
struct TextFields
{
    QByteArray order; ///< field letters in output order; 'S' stands for the H/S/M timestamp
    QVarLengthArray<QByteArrayView, 24> values;

    /** The field of @p letter, or a null view when the layout has none. */
    QByteArrayView field(char letter) const
    {
        const qsizetype index = order.indexOf(letter);
        return index < 0 ? QByteArrayView() : values[index];
    }
};

/**
 * Parses one passivedns output line (text or JSON mode) into a PdnsRecord.
 *
 * Hand-written rather than a CSV library: passivedns' format is not CSV (no quoting, a multi-byte
 * separator that may also occur inside a TXT answer, a field order fixed by the program rather than
 * by the letters) and the parser sits on the hot path (≥100,000 lines/s). The answer field absorbs
 * extra separators: the fields before it are taken from the left and the ones after it from the
 * right (spec §3.2). JSON-mode lines (first non-blank byte '{') go through QJsonDocument.
 *
 * Accepted without configuration: the default nine-field layout, the eight-field pre-1.0 layout
 * (integer timestamp, no count; recognised by a timestamp without '.' or by eight fields) and JSON
 * lines. Thread-safe (const).
 */
class LineParser final
{
public:
    explicit LineParser(LineLayout layout = {}, QByteArrayList excludes = defaultExcludes());

    ParseResult parse(QByteArrayView line) const;

    /**
     * Splits a text line (already trimmed, not JSON) into the fields of this parser's layout, or
     * of the pre-1.0 layout when parse() would take it for one, without interpreting them. The
     * answer absorbs extra separators. nullopt when the field count fits, else TooFewFields or
     * TooManyFields. For filters that look at a few fields and pass the line on unchanged.
     */
    std::optional<RejectReason> splitText(QByteArrayView line, TextFields &fields) const;

    const LineLayout &layout() const noexcept { return m_layout; }
    static QByteArrayList defaultExcludes() { return {"spamhaus.org", "asn.cymru.com"}; }

    /** Lower case, trailing dot removed (the root stays "."). */
    static QByteArray normaliseName(QByteArrayView name);
    /** rdata as stored: addresses canonicalised, name-typed rdata normalised, the rest verbatim. */
    static QByteArray normaliseRdata(int rrtype, QByteArrayView rdata);
    /** True for passivedns' RCODE names (NXDOMAIN, SERVFAIL, ..., UNKNOWN-ERROR-n). */
    static bool isRcodeName(QByteArrayView answer);

private:
    enum Field : char
    {
        Timestamp = 'S',
        Hostname = 'h',
        Client = 'c',
        ClientMac = 'w',
        Server = 's',
        ServerMac = 'W',
        Protocol = 'p',
        Class = 'C',
        Query = 'Q',
        QueryLength = 'L',
        Type = 'T',
        Answer = 'A',
        AnswerLength = 'l',
        Ttl = 't',
        Count = 'n'
    };
    struct Columns
    {
        QByteArray order; ///< field letters in passivedns' output order (Timestamp for H/S/M)
        bool dateTime = false;
        bool seconds = false;
        bool micros = false;
    };
    static Columns columnsOf(QByteArrayView letters);
    const Columns &columnsFor(QByteArrayView line) const;
    static std::optional<RejectReason> split(QByteArrayView line, QByteArrayView separator,
                                             QByteArrayView order,
                                             QVarLengthArray<QByteArrayView, 24> &tokens);
    ParseResult parseText(QByteArrayView line, const Columns &columns) const;
    ParseResult parseJson(QByteArrayView line) const;
    ParseResult finish(QByteArrayView query, QByteArrayView type, QByteArrayView answer,
                       PdnsRecord record) const;
    bool parseTimestamp(QByteArrayView text, const Columns &columns, PdnsRecord &record) const;

    LineLayout m_layout;
    QByteArrayList m_excludes;
    Columns m_columns;
    Columns m_legacy; ///< the pre-1.0 eight-field layout
};

} // namespace d4::passivedns
