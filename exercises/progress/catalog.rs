//! Every exercise in the course, in the order to do them, with its hint.
//!
//! An exercise's `id` is its module path: the stub is `exercises/src/<id>.rs` (with `::` as
//! `/`), the answer is the same path under `solutions/src/`, and its tests are the module
//! `suite::<id>` in `exercises/tests/suite/`. `cargo run -p exercises -- verify` checks that
//! these all exist and agree.

/// One exercise.
pub struct Exercise {
    /// Module path, e.g. `l01_threading::event`.
    pub id: &'static str,
    /// What it asks for, in a few words.
    pub title: &'static str,
    /// A nudge, not the answer.
    pub hint: &'static str,
    /// Where the book explains it.
    pub read: &'static str,
}

impl Exercise {
    /// The lesson module, e.g. `l01_threading`.
    pub fn lesson(&self) -> &'static str {
        self.id.split("::").next().unwrap_or(self.id)
    }

    /// The stub's path from the workspace root.
    pub fn stub_path(&self) -> String {
        format!("exercises/src/{}.rs", self.id.replace("::", "/"))
    }

    /// The solution's path from the workspace root.
    pub fn solution_path(&self) -> String {
        format!("solutions/src/{}.rs", self.id.replace("::", "/"))
    }
}

/// Lesson modules and their titles, in course order.
pub const LESSONS: &[(&str, &str)] = &[
    ("warmup", "Warm-up"),
    ("l01_threading", "Lesson 01: threads"),
    ("l05_asyncio", "Lesson 05: async with tokio"),
];

/// Every exercise, in the order to do them.
pub const EXERCISES: &[Exercise] = &[
    Exercise {
        id: "warmup::both",
        title: "run two closures at the same time",
        hint: "std::thread::scope(|s| { … }) gives you `s`; `s.spawn(a)` starts `a` on a new thread \
           and returns a handle. Run `b()` on the current thread meanwhile, then `handle.join()`. \
           join() returns Err(payload) if `a` panicked: std::panic::resume_unwind(payload) \
           continues that same panic in the caller.",
        read: "book: Introduction › How the tests know",
    },
    Exercise {
        id: "l01_threading::fetch_all",
        title: "fetch every URL at once, results in order",
        hint: "Inside std::thread::scope, first collect one handle per URL: \
           `urls.iter().map(|url| scope.spawn(move || ...)).collect::<Vec<_>>()`. The collect \
           matters: iterators are lazy, so joining inside the same chain would join each thread \
           before spawning the next. Then join the handles in order. In each thread, \
           `client.get(url).send()?.error_for_status()?.bytes()?.len()` gives the size; wrap \
           it in a small fn returning Result so `?` works.",
        read: "book: Lesson 01 › A thread per URL",
    },
    Exercise {
        id: "l01_threading::event",
        title: "an Event with set, clear, wait and a timeout",
        hint: "Fields: `flag: Mutex<bool>` and `changed: Condvar`. set() writes true under the lock, \
           then calls notify_all (every waiter wants the news). wait() must look at the flag \
           before sleeping: `changed.wait_while(flag.lock().unwrap(), |set| !*set)` does that \
           and re-checks after every wake-up. wait_timeout_while is the same with a timeout; \
           return the flag's value afterwards.",
        read: "book: Lesson 01 › Events and semaphores",
    },
    Exercise {
        id: "l01_threading::semaphore",
        title: "a semaphore whose permits give themselves back",
        hint: "Fields: `free: Mutex<usize>` and a `Condvar`. acquire(): \
           `wait_while(lock, |free| *free == 0)`, then subtract one and return \
           `Permit { semaphore: self }`. try_acquire() does the same without waiting. \
           `impl Drop for Permit` adds one back and calls notify_one, so a thread sleeping in \
           acquire() wakes up. Drop also runs while a panic unwinds, which is the point.",
        read: "book: Lesson 01 › Events and semaphores",
    },
    Exercise {
        id: "l01_threading::worker_pool",
        title: "the download team: a pool of worker threads",
        hint: "new(): `let (sender, receiver) = crossbeam::channel::unbounded::<Job>()`; spawn \
           `workers` threads, each owning a clone of the receiver and running \
           `for job in receiver { job() }`; keep the sender and the JoinHandles. execute(): \
           `sender.send(Box::new(job))`. join(): drop the sender *first* (that closes the \
           channel, so the workers' loops end once the queue is empty), then join every \
           worker. Destructure self (`let Self { sender, workers } = self;`) to move the \
           fields out.",
        read: "book: Lesson 01 › What a thread costs",
    },
    Exercise {
        id: "l05_asyncio::gather",
        title: "gather: a task per URL, results in order",
        hint: "First spawn, then await. `let tasks: Vec<_> = urls.iter().map(|url| \
               tokio::spawn(fetch(client.clone(), url.clone()))).collect();` starts every \
               request (write `async fn fetch(client: Client, url: String) -> Result<usize, \
               reqwest::Error>` with `send().await?.error_for_status()?.bytes().await?`). Then \
               `for task in tasks { results.push(task.await.unwrap()) }` collects them in order.",
        read: "book: Lesson 05 › Async HTTP with one shared client",
    },
    Exercise {
        id: "l05_asyncio::bounded",
        title: "at most `limit` requests at a time",
        hint: "Start from your gather. Before spawning: \
               `let permits = Arc::new(tokio::sync::Semaphore::new(limit));`. Give each task a \
               clone of the Arc, and make the task's first line \
               `let _permit = permits.acquire_owned().await.unwrap();`. The permit lives until \
               the end of the task, whichever way the request ends. Spawn all tasks at once: \
               they queue at the semaphore, not in your loop.",
        read: "book: Lesson 05 › A semaphore of 3 over 10 requests",
    },
    Exercise {
        id: "l05_asyncio::deadlines",
        title: "a deadline per request, partial results",
        hint: "Put the timeout inside each task, around that task's request only: \
               `match tokio::time::timeout(deadline, fetch(&client, &url)).await { Ok(Ok(n)) => \
               Fetch::Done(n), Ok(Err(e)) => Fetch::Failed(e.to_string()), Err(_) => \
               Fetch::TimedOut }`. A timeout around the whole batch would lose the answers that \
               did arrive.",
        read: "book: Lesson 05 › Timeouts and cancellation",
    },
    Exercise {
        id: "l05_asyncio::off_the_runtime",
        title: "keep the runtime responsive",
        hint: "tokio::task::spawn_blocking(work) runs the closure on tokio's blocking pool and \
               returns a JoinHandle you can .await. The await gives Result<T, JoinError>: on \
               Err, `std::panic::resume_unwind(error.into_panic())` passes the work's panic on. \
               tokio::spawn would not help: a task still runs on the runtime's own thread.",
        read: "book: Lesson 05 › Never block the runtime",
    },
    Exercise {
        id: "l05_asyncio::shutdown",
        title: "graceful shutdown: cancel on a signal, report",
        hint: "Spawn each job into a tokio::task::JoinSet as `async move { job.await; index }`. \
               Loop on `tokio::select! { next = set.join_next() => …, _ = &mut shutdown => { \
               set.abort_all(); break } }` (join_next gives None when all are done: break then \
               too). After an abort, keep calling join_next until None: cancelled tasks come \
               back as errors with is_cancelled(). Whatever did not finish was cancelled.",
        read: "book: Lesson 05 › Timeouts and cancellation",
    },
];

/// Finds an exercise by its full id (`l01_threading::event`), its last part (`event`), or a
/// unique part of its id.
pub fn find(query: &str) -> Result<&'static Exercise, String> {
    if let Some(exact) = EXERCISES
        .iter()
        .find(|e| e.id == query || e.id.rsplit("::").next() == Some(query))
    {
        return Ok(exact);
    }
    let matches: Vec<&Exercise> = EXERCISES.iter().filter(|e| e.id.contains(query)).collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no exercise matches `{query}`; `cargo run -p exercises -- list` shows them all"
        )),
        many => Err(format!(
            "`{query}` matches {}; say which",
            many.iter().map(|e| e.id).collect::<Vec<_>>().join(", ")
        )),
    }
}
