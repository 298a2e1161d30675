//! Types serialised by hand as one string (`meeting:<uid>`, `week 2`, an
//! unmatched reason's words, a signal's snake_case name): in
//! the generated bindings they are `string`.

macro_rules! string_on_the_wire {
    ($($ty:ty),* $(,)?) => {$(
        impl specta::Type for $ty {
            fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
                <String as specta::Type>::definition(types)
            }
        }
    )*};
}

string_on_the_wire!(
    crate::reminders::ReminderKind,
    crate::schedule::checkins::CadenceStep,
    crate::matching::UnmatchedReason,
    crate::threads::analysis::SignalKind,
);
