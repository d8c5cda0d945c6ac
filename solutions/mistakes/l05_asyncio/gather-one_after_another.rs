//! MISTAKE: awaits each request before starting the next. It is async code, and it is
//! sequential: nothing overlaps unless it is given to the runtime to run at once.

use reqwest::Client;

/// Awaits one request after another.
pub async fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    let mut results = Vec::new();
    for url in urls {
        let fetched = async {
            Ok(client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
                .len())
        };
        results.push(fetched.await);
    }
    results
}
