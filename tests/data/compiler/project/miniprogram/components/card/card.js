Component({ properties: { title: String } });
