//! Types serialised by hand as one string (`meeting:<uid>`, `week 2`): in
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
);
