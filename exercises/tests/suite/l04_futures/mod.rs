use crate::subject::l04_futures as subject;

mod as_completed;
mod map_in_order;
mod prime_search;
mod submit;
