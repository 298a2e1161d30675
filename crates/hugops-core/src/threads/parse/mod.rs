//! Reading conversations: Slack exports, Discord exports, plain transcripts.

pub mod text;
