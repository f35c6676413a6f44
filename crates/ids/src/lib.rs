//! Snowflake ids.
