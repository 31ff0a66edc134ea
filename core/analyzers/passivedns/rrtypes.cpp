// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/rrtypes.h"

#include <array>
#include <utility>

#include <QStringBuilder>

namespace d4::passivedns {

namespace {

struct TypeEntry
{
    const char *name;
    int number;
};

// IANA DNS parameters, RR TYPEs (the assigned mnemonics; obsolete ones kept as passivedns/ldns print them).
constexpr std::array kTypes{
    TypeEntry{"A", 1},      TypeEntry{"NS", 2},        TypeEntry{"MD", 3},
    TypeEntry{"MF", 4},     TypeEntry{"CNAME", 5},     TypeEntry{"SOA", 6},
    TypeEntry{"MB", 7},     TypeEntry{"MG", 8},        TypeEntry{"MR", 9},
    TypeEntry{"NULL", 10},  TypeEntry{"WKS", 11},      TypeEntry{"PTR", 12},
    TypeEntry{"HINFO", 13}, TypeEntry{"MINFO", 14},    TypeEntry{"MX", 15},
    TypeEntry{"TXT", 16},   TypeEntry{"RP", 17},       TypeEntry{"AFSDB", 18},
    TypeEntry{"X25", 19},   TypeEntry{"ISDN", 20},     TypeEntry{"RT", 21},
    TypeEntry{"NSAP", 22},  TypeEntry{"NSAP-PTR", 23}, TypeEntry{"SIG", 24},
    TypeEntry{"KEY", 25},   TypeEntry{"PX", 26},       TypeEntry{"GPOS", 27},
    TypeEntry{"AAAA", 28},  TypeEntry{"LOC", 29},      TypeEntry{"NXT", 30},
    TypeEntry{"EID", 31},   TypeEntry{"NIMLOC", 32},   TypeEntry{"SRV", 33},
    TypeEntry{"ATMA", 34},  TypeEntry{"NAPTR", 35},    TypeEntry{"KX", 36},
    TypeEntry{"CERT", 37},  TypeEntry{"A6", 38},       TypeEntry{"DNAME", 39},
    TypeEntry{"SINK", 40},  TypeEntry{"OPT", 41},      TypeEntry{"APL", 42},
    TypeEntry{"DS", 43},    TypeEntry{"SSHFP", 44},    TypeEntry{"IPSECKEY", 45},
    TypeEntry{"RRSIG", 46}, TypeEntry{"NSEC", 47},     TypeEntry{"DNSKEY", 48},
    TypeEntry{"DHCID", 49}, TypeEntry{"NSEC3", 50},    TypeEntry{"NSEC3PARAM", 51},
    TypeEntry{"TLSA", 52},  TypeEntry{"SMIMEA", 53},   TypeEntry{"HIP", 55},
    TypeEntry{"NINFO", 56}, TypeEntry{"RKEY", 57},     TypeEntry{"TALINK", 58},
    TypeEntry{"CDS", 59},   TypeEntry{"CDNSKEY", 60},  TypeEntry{"OPENPGPKEY", 61},
    TypeEntry{"CSYNC", 62}, TypeEntry{"ZONEMD", 63},   TypeEntry{"SVCB", 64},
    TypeEntry{"HTTPS", 65}, TypeEntry{"SPF", 99},      TypeEntry{"UINFO", 100},
    TypeEntry{"UID", 101},  TypeEntry{"GID", 102},     TypeEntry{"UNSPEC", 103},
    TypeEntry{"NID", 104},  TypeEntry{"L32", 105},     TypeEntry{"L64", 106},
    TypeEntry{"LP", 107},   TypeEntry{"EUI48", 108},   TypeEntry{"EUI64", 109},
    TypeEntry{"TKEY", 249}, TypeEntry{"TSIG", 250},    TypeEntry{"IXFR", 251},
    TypeEntry{"AXFR", 252}, TypeEntry{"MAILB", 253},   TypeEntry{"MAILA", 254},
    TypeEntry{"ANY", 255},  TypeEntry{"URI", 256},     TypeEntry{"CAA", 257},
    TypeEntry{"AVC", 258},  TypeEntry{"DOA", 259},     TypeEntry{"AMTRELAY", 260},
    TypeEntry{"TA", 32768}, TypeEntry{"DLV", 32769},
};

bool parseDecimal(QByteArrayView text, int &out)
{
    if (text.isEmpty() || text.size() > 5) {
        return false;
    }
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    if (value > 65535) {
        return false;
    }
    out = value;
    return true;
}

} // namespace

int RrTypes::fromText(QByteArrayView text)
{
    int number = 0;
    if (parseDecimal(text, number)) {
        return number;
    }
    if (text.size() > 4 && QByteArrayView(text.first(4)).compare("TYPE", Qt::CaseInsensitive) == 0 &&
        parseDecimal(text.sliced(4), number)) {
        return number;
    }
    for (const TypeEntry &entry : kTypes) {
        if (text.compare(QByteArrayView(entry.name), Qt::CaseInsensitive) == 0) {
            return entry.number;
        }
    }
    return -1;
}

QByteArray RrTypes::mnemonic(int type)
{
    for (const TypeEntry &entry : kTypes) {
        if (entry.number == type) {
            return QByteArray(entry.name);
        }
    }
    return {};
}

QByteArray RrTypes::displayName(int type)
{
    const QByteArray name = mnemonic(type);
    return name.isEmpty() ? "TYPE" + QByteArray::number(type) : name;
}

bool RrTypes::isNameTyped(int type)
{
    switch (type) {
    case 2:  // NS
    case 5:  // CNAME
    case 6:  // SOA (passivedns prints the MNAME)
    case 12: // PTR
    case 15: // MX (exchange host)
    case 17: // RP (mailbox)
    case 33: // SRV (target host)
    case 39: // DNAME
        return true;
    default:
        return false;
    }
}

} // namespace d4::passivedns
