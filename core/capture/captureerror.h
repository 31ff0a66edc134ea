// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::capture {

/** Why a capture was refused. Every value has a counter (CaptureReader::Stats) and a test. */
enum class CaptureError
{
    None,
    Empty,              ///< no byte at all
    NotACapture,        ///< the first bytes are no pcap, pcapng or gzip magic
    TruncatedHeader,    ///< the data ends inside the file header / section header
    UnsupportedVersion, ///< pcap major version != 2, or pcapng major version != 1
    RecordTooLarge,     ///< pcap record captured length above the limit
    BadByteOrderMagic,  ///< pcapng section header with an unknown byte-order magic
    BadBlockLength,     ///< pcapng block length < 12, not a multiple of 4, or trailer mismatch
    BlockTooLarge,      ///< pcapng block above kMaxBlockLength
    BadInterfaceBlock,  ///< pcapng interface description too short
    UnknownInterface,   ///< pcapng packet block naming an interface not described
    BadPacketBlock,     ///< pcapng packet block whose captured length exceeds the block
    CorruptCompression  ///< gzip data zlib cannot inflate
};

/** A readable, translatable sentence for @p error. */
QString captureErrorText(CaptureError error);
/** A stable identifier ("not_a_capture"…) for reports and JSON. */
const char *captureErrorKey(CaptureError error);

} // namespace d4::capture
