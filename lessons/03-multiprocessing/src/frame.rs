//! Framing: how a stream of bytes (a pipe) carries separate messages.
//!
//! A pipe has no idea where one message ends and the next begins: two writes of 5 bytes may
//! arrive as one read of 10, or as reads of 3 and 7. Lines are one answer (the newline ends the
//! message), until a message contains a newline. A *length prefix* is the general one: four
//! bytes saying how long the message is, then the message. Python's `multiprocessing.Pipe` and
//! `Queue` do exactly this under the hood, with a pickled object as the message.

use std::io::{self, Read, Write};

/// The largest frame either side accepts: a corrupt length must not make the reader try to
/// allocate gigabytes.
pub const MAX_FRAME: usize = 64 << 20;

// ANCHOR: frame
/// Writes one message: its length as 4 little-endian bytes, then its bytes. Does not flush.
pub fn write_frame(out: &mut impl Write, message: &[u8]) -> io::Result<()> {
    let len = u32::try_from(message.len())
        .ok()
        .filter(|&len| len as usize <= MAX_FRAME)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "message too long"))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(message)
}

/// Reads one message into `buf` (replacing what it held). `Ok(false)` means the other side
/// closed the pipe cleanly, between messages; a pipe closed in the middle of a message is an
/// error.
pub fn read_frame(input: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<bool> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(false),
        Err(error) => return Err(error),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "frame too long"));
    }
    buf.resize(len, 0);
    input.read_exact(buf)?;
    Ok(true)
}
// ANCHOR_END: frame

/// A list of numbers as a message: 8 little-endian bytes each. The course's stand-in for
/// pickling: every number sent to another process is turned into bytes and back.
pub fn encode_numbers(numbers: &[u64]) -> Vec<u8> {
    numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// The numbers in a message made by [`encode_numbers`].
pub fn decode_numbers(bytes: &[u8]) -> io::Result<Vec<u64>> {
    if !bytes.len().is_multiple_of(8) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not a list of 8-byte numbers",
        ));
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|chunk| u64::from_le_bytes(chunk.try_into().expect("chunks of 8")))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_keep_messages_apart_even_with_newlines_and_empty_ones() {
        let mut pipe = Vec::new();
        for message in [&b"one\ntwo"[..], b"", b"three"] {
            write_frame(&mut pipe, message).unwrap();
        }
        let mut input = &pipe[..];
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while read_frame(&mut input, &mut buf).unwrap() {
            got.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(got, ["one\ntwo", "", "three"]);
    }

    #[test]
    fn a_frame_cut_short_is_an_error_and_a_huge_length_is_refused() {
        let mut pipe = Vec::new();
        write_frame(&mut pipe, b"hello").unwrap();
        pipe.truncate(6);
        assert!(read_frame(&mut &pipe[..], &mut Vec::new()).is_err());
        let huge = (u32::MAX).to_le_bytes();
        assert!(read_frame(&mut &huge[..], &mut Vec::new()).is_err());
    }

    #[test]
    fn numbers_round_trip() {
        let numbers = [0, 1, u64::MAX, 77_351];
        assert_eq!(decode_numbers(&encode_numbers(&numbers)).unwrap(), numbers);
        assert!(decode_numbers(&[1, 2, 3]).is_err());
    }
}
