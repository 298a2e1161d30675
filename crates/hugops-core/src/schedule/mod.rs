//! Check-ins for buddy pairs and socials fair to every time zone (issue 6),
//! exported as RFC 5545 calendar files.
