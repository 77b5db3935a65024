print("figures")
