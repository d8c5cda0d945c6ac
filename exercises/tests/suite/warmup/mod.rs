use crate::subject::warmup as subject;

mod both;
