// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterclass.h"

#include <QCoreApplication>

namespace d4::analyzers::backscatter {

const char *backscatterClassKey(BackscatterClass c)
{
    switch (c) {
    case BackscatterClass::NotAnalysed:
        return "not_analysed";
    case BackscatterClass::Request:
        return "request";
    case BackscatterClass::SynAck:
        return "syn_ack";
    case BackscatterClass::Rst:
        return "rst";
    case BackscatterClass::IcmpReply:
        return "icmp_reply";
    case BackscatterClass::IcmpError:
        return "icmp_error";
    case BackscatterClass::UdpResponse:
        return "udp_response";
    case BackscatterClass::Ambiguous:
        return "ambiguous";
    case BackscatterClass::IcmpRequest:
        return "icmp_request";
    case BackscatterClass::Other:
        return "other";
    }
    return "other";
}

QString backscatterClassLabel(BackscatterClass c)
{
    switch (c) {
    case BackscatterClass::NotAnalysed:
        return QCoreApplication::translate("d4::backscatter", "Not analysed");
    case BackscatterClass::Request:
        return QCoreApplication::translate("d4::backscatter", "Request (SYN)");
    case BackscatterClass::SynAck:
        return QCoreApplication::translate("d4::backscatter", "SYN/ACK");
    case BackscatterClass::Rst:
        return QCoreApplication::translate("d4::backscatter", "RST");
    case BackscatterClass::IcmpReply:
        return QCoreApplication::translate("d4::backscatter", "ICMP reply");
    case BackscatterClass::IcmpError:
        return QCoreApplication::translate("d4::backscatter", "ICMP error");
    case BackscatterClass::UdpResponse:
        return QCoreApplication::translate("d4::backscatter", "UDP response");
    case BackscatterClass::Ambiguous:
        return QCoreApplication::translate("d4::backscatter", "Ambiguous");
    case BackscatterClass::IcmpRequest:
        return QCoreApplication::translate("d4::backscatter", "ICMP request");
    case BackscatterClass::Other:
        return QCoreApplication::translate("d4::backscatter", "Other");
    }
    return {};
}

} // namespace d4::analyzers::backscatter
