// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace d4::passivedns {

/**
 * RR type mnemonics (IANA registry, the ones passivedns and ldns print) to numbers and back.
 * Decimal strings and RFC 3597 "TYPEn" map to the same numbers, so "A", "1" and "TYPE1" are one type.
 */
class RrTypes final
{
public:
    /** The type number of @p text (mnemonic in any case, decimal or TYPEn), or -1 if none. */
    static int fromText(QByteArrayView text);
    /** The mnemonic of @p type, or an empty array when the type has none. */
    static QByteArray mnemonic(int type);
    /** The mnemonic, or "TYPEn" when there is none (for display and keys of the UI). */
    static QByteArray displayName(int type);
    /** True for types whose rdata (as passivedns prints it) is a domain name: lower-cased, dot-stripped. */
    static bool isNameTyped(int type);
    static constexpr int A = 1;
    static constexpr int AAAA = 28;
};

} // namespace d4::passivedns
