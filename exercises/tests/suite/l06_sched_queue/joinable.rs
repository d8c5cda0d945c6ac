use super::subject::joinable::answer;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn gives_the_answer() {
    assert_eq!(answer(), 42, "the answer is 42 ({READ})");
}
