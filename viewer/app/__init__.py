"""The desktop window: presents a Comparison and forwards the user's actions; never analyses."""
