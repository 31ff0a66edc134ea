// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/captureerror.h"

#include <QCoreApplication>

namespace d4::capture {

QString captureErrorText(CaptureError error)
{
    switch (error) {
    case CaptureError::None:
        return {};
    case CaptureError::Empty:
        return QCoreApplication::translate("d4::capture", "The file is empty.");
    case CaptureError::NotACapture:
        return QCoreApplication::translate(
            "d4::capture", "Not a capture file: no pcap, pcapng or gzip signature at the start.");
    case CaptureError::TruncatedHeader:
        return QCoreApplication::translate("d4::capture", "The capture ends inside its file header.");
    case CaptureError::UnsupportedVersion:
        return QCoreApplication::translate("d4::capture", "Unsupported pcap or pcapng version.");
    case CaptureError::RecordTooLarge:
        return QCoreApplication::translate("d4::capture", "A packet record is larger than allowed.");
    case CaptureError::BadByteOrderMagic:
        return QCoreApplication::translate("d4::capture",
                                           "The pcapng section header has no valid byte-order magic.");
    case CaptureError::BadBlockLength:
        return QCoreApplication::translate("d4::capture", "A pcapng block has an invalid length.");
    case CaptureError::BlockTooLarge:
        return QCoreApplication::translate("d4::capture", "A pcapng block is larger than allowed.");
    case CaptureError::BadInterfaceBlock:
        return QCoreApplication::translate("d4::capture",
                                           "A pcapng interface description block is malformed.");
    case CaptureError::UnknownInterface:
        return QCoreApplication::translate("d4::capture",
                                           "A pcapng packet refers to an undescribed interface.");
    case CaptureError::BadPacketBlock:
        return QCoreApplication::translate("d4::capture", "A pcapng packet block is malformed.");
    case CaptureError::CorruptCompression:
        return QCoreApplication::translate("d4::capture", "The gzip-compressed data is corrupt.");
    }
    return {};
}

const char *captureErrorKey(CaptureError error)
{
    switch (error) {
    case CaptureError::None:
        return "none";
    case CaptureError::Empty:
        return "empty";
    case CaptureError::NotACapture:
        return "not_a_capture";
    case CaptureError::TruncatedHeader:
        return "truncated_header";
    case CaptureError::UnsupportedVersion:
        return "unsupported_version";
    case CaptureError::RecordTooLarge:
        return "record_too_large";
    case CaptureError::BadByteOrderMagic:
        return "bad_byte_order_magic";
    case CaptureError::BadBlockLength:
        return "bad_block_length";
    case CaptureError::BlockTooLarge:
        return "block_too_large";
    case CaptureError::BadInterfaceBlock:
        return "bad_interface_block";
    case CaptureError::UnknownInterface:
        return "unknown_interface";
    case CaptureError::BadPacketBlock:
        return "bad_packet_block";
    case CaptureError::CorruptCompression:
        return "corrupt_compression";
    }
    return "unknown";
}

} // namespace d4::capture
