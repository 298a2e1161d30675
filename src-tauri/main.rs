fn main(){ hugops_desktop::run() }
