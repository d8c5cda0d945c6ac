//! TLS for `--live https://…` URLs, built only with the `tls` feature.
//!
//! reqwest is compiled with `rustls-no-provider`: rustls without a built-in cryptography
//! backend. The process must choose one before the first client is built; this picks ring,
//! which builds with a C compiler alone (no cmake, no OpenSSL headers).

/// Makes ring the process-wide rustls provider. Calling it again does nothing.
pub fn install_crypto_provider() {
    // Err means a provider is already installed, which is what we want either way.
    let _ = rustls::crypto::ring::default_provider().install_default();
}
